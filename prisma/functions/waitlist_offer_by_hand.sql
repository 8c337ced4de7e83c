-- An admin sends waiting entry p_entry an offer out of turn (issue 29.3), when the type has its
-- places free now (under the type's and its quotas' locks). Answers {ok, voucherId} or
-- {ok: false, code: not_found | closed | no_places, available}.
CREATE OR REPLACE FUNCTION "waitlist_offer_by_hand"(p_entry uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  e waitlist_entries%ROWTYPE;
  v_available int;
BEGIN
  -- A time range's entry: its own rule, under the resource's lock (docs/decisions/0021).
  IF EXISTS (SELECT 1 FROM waitlist_entries WHERE id = p_entry AND resource_id IS NOT NULL) THEN
    RETURN waitlist_range_offer_by_hand(p_entry);
  END IF;
  PERFORM 1 FROM ticket_types WHERE id = (SELECT ticket_type_id FROM waitlist_entries WHERE id = p_entry) FOR UPDATE;
  SELECT * INTO e FROM waitlist_entries WHERE id = p_entry;
  IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  IF e.status <> 'waiting' THEN RETURN jsonb_build_object('ok', false, 'code', 'closed', 'status', e.status); END IF;
  PERFORM lock_quotas_of_types(ARRAY[e.ticket_type_id]);
  v_available := ticket_type_available(e.ticket_type_id);
  IF v_available < e.quantity THEN RETURN jsonb_build_object('ok', false, 'code', 'no_places', 'available', v_available); END IF;
  RETURN jsonb_build_object('ok', true, 'voucherId', waitlist_offer(p_entry));
END $$;
