-- An admin sends waiting range entry p_entry an offer out of turn (docs/decisions/0021) when its
-- range is free now (under the resource's lock, after expired holds in it are given back).
-- Answers {ok, bookingId} or {ok: false, code: not_found | closed | not_on_sale | no_places}.
CREATE OR REPLACE FUNCTION "waitlist_range_offer_by_hand"(p_entry uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  e waitlist_entries%ROWTYPE;
BEGIN
  PERFORM 1 FROM resources WHERE id = (SELECT resource_id FROM waitlist_entries WHERE id = p_entry) FOR UPDATE;
  SELECT * INTO e FROM waitlist_entries WHERE id = p_entry AND resource_id IS NOT NULL;
  IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  IF e.status <> 'waiting' THEN RETURN jsonb_build_object('ok', false, 'code', 'closed', 'status', e.status); END IF;
  IF e.starts_at <= now() OR NOT waitlist_resource_on_sale(e.resource_id) THEN RETURN jsonb_build_object('ok', false, 'code', 'not_on_sale'); END IF;
  PERFORM release_expired_holds_in_range(e.resource_id, e.starts_at, e.ends_at);
  -- The release may have offered the range already (to this entry, first in line for it).
  IF (SELECT status FROM waitlist_entries WHERE id = p_entry) <> 'waiting' THEN
    RETURN jsonb_build_object('ok', true, 'bookingId', (SELECT id FROM bookings WHERE waitlist_entry_id = p_entry AND status = 'held'));
  END IF;
  IF NOT resource_range_free(e.resource_id, e.starts_at, e.ends_at) THEN RETURN jsonb_build_object('ok', false, 'code', 'no_places', 'available', 0); END IF;
  RETURN jsonb_build_object('ok', true, 'bookingId', waitlist_offer_range(p_entry));
END $$;
