-- The waiting list takes the free places of ticket type p_type (issue 29.3, docs/decisions/0018):
-- first its own line (waitlist_offer_in_line), then, when p_type shares a quota, the lines of
-- the quota's other types, whose free places may have grown with it (a place given back on the
-- standing type of a quota shared with the seated one is a place for either line).
-- Lock order (ADR 0002): the type (the caller's UPDATE, or here), its session and quotas, then
-- the entries.
-- The other types come after those, against the order, so they are taken only if free right
-- now (waitlist_lock_type_now: NOWAIT, all or nothing); one a purchase holds is passed over,
-- and the sweep (waitlist_offer_missed) offers its places within a tick if nobody bought them.
-- Returns the offers made.
CREATE OR REPLACE FUNCTION "waitlist_offer_freed"(p_type uuid) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_made int := 0;
  v_sibling uuid;
BEGIN
  -- Most types have nobody waiting, on them or on a type sharing a quota: answer without a lock.
  IF NOT EXISTS (SELECT 1 FROM waitlist_entries WHERE ticket_type_id = p_type AND status = 'waiting')
     AND NOT EXISTS (SELECT 1 FROM waitlist_entries WHERE status = 'waiting' AND ticket_type_id IN (SELECT waitlist_quota_siblings(p_type))) THEN
    RETURN 0;
  END IF;
  PERFORM 1 FROM ticket_types WHERE id = p_type FOR UPDATE;
  PERFORM lock_quotas_of_types(ARRAY[p_type]);
  v_made := waitlist_offer_in_line(p_type);
  FOR v_sibling IN
    SELECT s FROM waitlist_quota_siblings(p_type) s
     WHERE EXISTS (SELECT 1 FROM waitlist_entries WHERE ticket_type_id = s AND status = 'waiting')
     ORDER BY s
  LOOP
    CONTINUE WHEN ticket_type_available(v_sibling) <= 0 OR NOT waitlist_lock_type_now(v_sibling);
    v_made := v_made + waitlist_offer_in_line(v_sibling);
  END LOOP;
  RETURN v_made;
END $$;
