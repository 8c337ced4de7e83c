-- The sweep of range offers (beside waitlist_expire_offers, each tick of background work):
-- offers past their expiry end (`expired`) and their held booking rows are released, which,
-- through the trigger on bookings, offers the range to the next in line in the same
-- transaction. Entries still waiting for a range that has begun can never be offered and expire
-- too. Resources locked by a booking right now are skipped (SKIP LOCKED) and swept next tick.
-- Returns the offers expired.
CREATE OR REPLACE FUNCTION "waitlist_expire_range_offers"(p_limit int DEFAULT 100) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_resource uuid;
  v_expired int := 0;
  v_count int;
BEGIN
  FOR v_resource IN
    SELECT r.id FROM resources r
     WHERE r.id IN (SELECT resource_id FROM waitlist_entries
                     WHERE resource_id IS NOT NULL
                       AND ((status = 'offered' AND offer_expires_at <= now()) OR (status = 'waiting' AND starts_at <= now())))
     ORDER BY r.id LIMIT p_limit
       FOR UPDATE SKIP LOCKED
  LOOP
    UPDATE waitlist_entries SET status = 'expired', ended_at = now()
     WHERE resource_id = v_resource AND status = 'waiting' AND starts_at <= now();
    WITH gone AS (
      UPDATE waitlist_entries SET status = 'expired', ended_at = now()
       WHERE resource_id = v_resource AND status = 'offered' AND offer_expires_at <= now()
      RETURNING id
    )
    UPDATE bookings SET status = 'released' WHERE waitlist_entry_id IN (SELECT id FROM gone) AND status = 'held';
    GET DIAGNOSTICS v_count = ROW_COUNT;
    v_expired := v_expired + v_count;
  END LOOP;
  RETURN v_expired;
END $$;
