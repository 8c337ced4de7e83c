-- The sweep's second half (each tick of background work, after waitlist_expire_offers): free
-- places nobody offered while someone in line fits them. The trigger on ticket_types offers
-- every place given back on a type at once; this catches what it cannot see: a place freed on
-- another type of a shared quota while a purchase held this one (waitlist_offer_freed passes
-- it over rather than wait), and a quota's capacity raised. Types are taken only if free right
-- now (waitlist_lock_type_now), so a worker never waits on a purchase. Returns the offers made.
CREATE OR REPLACE FUNCTION "waitlist_offer_missed"(p_limit int DEFAULT 100) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_type uuid;
  v_made int := 0;
BEGIN
  FOR v_type IN
    SELECT w.ticket_type_id FROM waitlist_entries w
     WHERE w.status = 'waiting' AND w.ticket_type_id IS NOT NULL
     GROUP BY w.ticket_type_id
    HAVING min(w.quantity) <= ticket_type_available(w.ticket_type_id)
     ORDER BY w.ticket_type_id LIMIT p_limit
  LOOP
    CONTINUE WHEN NOT waitlist_lock_type_now(v_type);
    v_made := v_made + waitlist_offer_in_line(v_type);
  END LOOP;
  RETURN v_made;
END $$;
