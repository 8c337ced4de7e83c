-- Joins the waiting list for one time range of a resource (docs/decisions/0021) under the
-- resource's lock, so a join and the range coming free are one after the other. p_quote: the
-- range as the booking quote priced it (lib/orders/quote-booking.ts checked length, slot grid
-- and opening hours); order_quoted_booking_refusal checks it is still for sale under those
-- rules. Taken only while a booking (or an offer) overlaps the range, after expired holds in it
-- are given back; otherwise `has_places` (book it instead). One live entry per email and range
-- (`already_waiting`). Answers {ok, id, position} or {ok: false, code, …}.
CREATE OR REPLACE FUNCTION "waitlist_join_range"(
  p_id uuid, p_quote jsonb, p_email text, p_name text, p_locale text, p_user uuid, p_leave_token_hash text
) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_resource uuid := (p_quote ->> 'resourceId')::uuid;
  v_start timestamptz := (p_quote ->> 'start')::timestamptz;
  v_end timestamptz := v_start + make_interval(mins => (p_quote ->> 'minutes')::int);
  v_event uuid;
  v_refusal jsonb;
BEGIN
  SELECT event_id INTO v_event FROM resources WHERE id = v_resource FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  v_refusal := order_quoted_booking_refusal(p_quote);
  IF v_refusal IS NOT NULL THEN RETURN v_refusal; END IF;
  PERFORM release_expired_holds_in_range(v_resource, v_start, v_end);
  IF resource_range_free(v_resource, v_start, v_end) THEN RETURN jsonb_build_object('ok', false, 'code', 'has_places'); END IF;
  IF EXISTS (SELECT 1 FROM waitlist_entries WHERE resource_id = v_resource AND starts_at = v_start AND ends_at = v_end
                AND email = lower(p_email) AND status IN ('waiting', 'offered')) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'already_waiting');
  END IF;
  INSERT INTO waitlist_entries (id, event_id, resource_id, starts_at, ends_at, email, name, quantity, locale, user_id, leave_token_hash)
  VALUES (p_id, v_event, v_resource, v_start, v_end, lower(p_email), p_name, 1, p_locale, p_user, p_leave_token_hash);
  PERFORM jobs_enqueue('waitlist_joined', jsonb_build_object('entryId', p_id::text), 'waitlist_joined:' || p_id);
  RETURN jsonb_build_object('ok', true, 'id', p_id, 'position', waitlist_position(p_id));
END $$;
