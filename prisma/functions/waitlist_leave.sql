-- Entry p_entry leaves the waiting list (by its private link or its signed-in owner; the caller
-- checked which). An entry holding an offer gives its places back, and the trigger on
-- ticket_types offers them to the next in line in the same transaction; one holding a range's
-- offer releases its held booking row, and the trigger on bookings offers the range on
-- (docs/decisions/0021). Lock order: the type or the resource, then the entry. Answers {ok, status} or {ok: false, code: not_found | closed}.
CREATE OR REPLACE FUNCTION "waitlist_leave"(p_entry uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  e waitlist_entries%ROWTYPE;
BEGIN
  PERFORM 1 FROM ticket_types WHERE id = (SELECT ticket_type_id FROM waitlist_entries WHERE id = p_entry) FOR UPDATE;
  PERFORM 1 FROM resources WHERE id = (SELECT resource_id FROM waitlist_entries WHERE id = p_entry) FOR UPDATE;
  SELECT * INTO e FROM waitlist_entries WHERE id = p_entry FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  IF e.status NOT IN ('waiting', 'offered') THEN RETURN jsonb_build_object('ok', false, 'code', 'closed', 'status', e.status); END IF;
  UPDATE waitlist_entries SET status = 'left', ended_at = now() WHERE id = p_entry;
  IF e.status = 'offered' AND e.resource_id IS NOT NULL THEN
    UPDATE bookings SET status = 'released' WHERE waitlist_entry_id = p_entry AND status = 'held';
  ELSIF e.status = 'offered' THEN
    UPDATE ticket_types SET held = held - e.quantity WHERE id = e.ticket_type_id;
  END IF;
  RETURN jsonb_build_object('ok', true, 'status', 'left', 'from', e.status);
END $$;
