-- Moves every resource's slot horizon forward (a day at a time). Cheap when nothing is due:
-- it looks before it takes the lock. Called before a page of the slots feed is served.
CREATE OR REPLACE FUNCTION "feed_extend_slot_horizons"() RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  target RECORD;
  v_count int := 0;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM facility_use_feed_items
                  WHERE deleted_at IS NULL AND (slots_until IS NULL OR slots_until < now() + feed_slot_horizon() - interval '1 day')) THEN
    RETURN 0;
  END IF;
  PERFORM feed_lock();
  FOR target IN SELECT resource_id, slots_until FROM facility_use_feed_items
                 WHERE deleted_at IS NULL AND (slots_until IS NULL OR slots_until < now() + feed_slot_horizon() - interval '1 day')
                 ORDER BY resource_id LOOP
    PERFORM feed_sync_slots(target.resource_id, target.slots_until, NULL, false);
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END $$;
