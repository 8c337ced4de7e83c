-- The sweep (each tick of background work, lib/worker/run-due-work.ts): offers past their
-- expiry give their places back, and the trigger on ticket_types hands them to the next in line
-- in the same transaction. A type locked by a purchase right now is skipped (SKIP LOCKED) and
-- swept next tick; so two workers never wait on each other. Range offers are swept beside them
-- (waitlist_expire_range_offers, docs/decisions/0021). Returns the offers expired.
CREATE OR REPLACE FUNCTION "waitlist_expire_offers"(p_limit int DEFAULT 100) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_type uuid;
  v_places int;
  v_expired int := 0;
BEGIN
  FOR v_type IN
    SELECT tt.id FROM ticket_types tt
     WHERE tt.id IN (SELECT ticket_type_id FROM waitlist_entries WHERE status = 'offered' AND offer_expires_at <= now())
     ORDER BY tt.id LIMIT p_limit
       FOR UPDATE SKIP LOCKED
  LOOP
    WITH gone AS (
      UPDATE waitlist_entries SET status = 'expired', ended_at = now()
       WHERE ticket_type_id = v_type AND status = 'offered' AND offer_expires_at <= now()
      RETURNING quantity
    )
    SELECT coalesce(sum(quantity), 0)::int, count(*)::int + v_expired INTO v_places, v_expired FROM gone;
    UPDATE ticket_types SET held = held - v_places WHERE id = v_type AND v_places > 0;
  END LOOP;
  RETURN v_expired + waitlist_expire_range_offers(p_limit);
END $$;
