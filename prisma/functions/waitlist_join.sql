-- Joins the waiting list of ticket type p_type (issue 29.3) under the type's lock, so a join and
-- a place coming back are one after the other: only while the type cannot give p_quantity
-- places now (ticket_type_available, quotas included) is the join taken; otherwise `has_places`
-- (buy them instead) with what is available. One live entry per email and type
-- (`already_waiting`). p_id: the entry's id, chosen by the caller (its leave link is derived
-- from it, lib/waitlist/leave-token.ts). Answers {ok, id, position} (position: 1 = next in line).
CREATE OR REPLACE FUNCTION "waitlist_join"(
  p_id uuid, p_type uuid, p_email text, p_name text, p_quantity int, p_locale text, p_user uuid, p_leave_token_hash text
) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_event uuid;
  v_available int;
  v_id uuid;
BEGIN
  SELECT s.event_id INTO v_event FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id WHERE tt.id = p_type FOR UPDATE OF tt;
  IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  IF NOT waitlist_type_on_sale(p_type) THEN RETURN jsonb_build_object('ok', false, 'code', 'not_on_sale'); END IF;
  v_available := ticket_type_available(p_type);
  IF v_available >= p_quantity THEN RETURN jsonb_build_object('ok', false, 'code', 'has_places', 'available', v_available); END IF;
  IF EXISTS (SELECT 1 FROM waitlist_entries WHERE ticket_type_id = p_type AND email = lower(p_email) AND status IN ('waiting', 'offered')) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'already_waiting');
  END IF;
  INSERT INTO waitlist_entries (id, event_id, ticket_type_id, email, name, quantity, locale, user_id, leave_token_hash)
  VALUES (p_id, v_event, p_type, lower(p_email), p_name, p_quantity, p_locale, p_user, p_leave_token_hash)
  RETURNING id INTO v_id;
  -- The confirmation with the private link to leave, committed with the entry.
  PERFORM jobs_enqueue('waitlist_joined', jsonb_build_object('entryId', v_id::text), 'waitlist_joined:' || v_id);
  RETURN jsonb_build_object('ok', true, 'id', v_id, 'position', waitlist_position(v_id));
END $$;
