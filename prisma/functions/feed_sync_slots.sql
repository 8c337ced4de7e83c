-- Brings the future slots of one resource that start in [p_from, p_to) (clamped to now and
-- the horizon) in line with its rules and bookings: new slots appear, slots no longer offered
-- become tombstones, and a slot whose places changed (or every slot, with p_force: the price
-- or the event's status changed) draws a new number. Unchanged slots keep theirs.
CREATE OR REPLACE FUNCTION "feed_sync_slots"(p_resource UUID, p_from TIMESTAMPTZ, p_to TIMESTAMPTZ, p_force BOOLEAN) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  v_from TIMESTAMPTZ := greatest(coalesce(p_from, now()), now());
  v_to TIMESTAMPTZ := least(coalesce(p_to, now() + feed_slot_horizon()), now() + feed_slot_horizon());
BEGIN
  PERFORM feed_lock();
  IF NOT EXISTS (SELECT 1 FROM resources WHERE id = p_resource) THEN
    -- The resource is gone: every slot still live becomes a tombstone, in start order.
    UPDATE slot_feed_items s SET change_number = n.number, deleted_at = clock_timestamp()
      FROM (SELECT id, nextval('feed_change_number_seq') AS number
              FROM (SELECT id FROM slot_feed_items WHERE resource_id = p_resource AND deleted_at IS NULL ORDER BY starts_at) o) n
     WHERE s.id = n.id;
    RETURN;
  END IF;
  IF v_from >= v_to THEN RETURN; END IF;

  -- Slots no longer offered (hours or lengths changed) become tombstones.
  UPDATE slot_feed_items s SET change_number = n.number, deleted_at = clock_timestamp()
    FROM (SELECT id, nextval('feed_change_number_seq') AS number
            FROM (SELECT f.id FROM slot_feed_items f
                   WHERE f.resource_id = p_resource AND f.deleted_at IS NULL
                     AND f.starts_at >= v_from AND f.starts_at < v_to
                     AND NOT EXISTS (SELECT 1 FROM feed_desired_slots(p_resource, v_from, v_to) d WHERE d.starts_at = f.starts_at AND d.ends_at = f.ends_at)
                   ORDER BY f.starts_at) o) n
   WHERE s.id = n.id;

  -- New, revived or changed slots draw a number, in start order.
  INSERT INTO slot_feed_items AS f (resource_id, starts_at, ends_at, remaining, change_number)
  SELECT p_resource, c.starts_at, c.ends_at, c.remaining, nextval('feed_change_number_seq')
    FROM (SELECT d.* FROM feed_desired_slots(p_resource, v_from, v_to) d
            LEFT JOIN slot_feed_items e ON e.resource_id = p_resource AND e.starts_at = d.starts_at
           WHERE p_force OR e.id IS NULL OR e.deleted_at IS NOT NULL OR e.ends_at <> d.ends_at OR e.remaining <> d.remaining
           ORDER BY d.starts_at) c
  ON CONFLICT (resource_id, starts_at) DO UPDATE
     SET ends_at = EXCLUDED.ends_at, remaining = EXCLUDED.remaining, change_number = EXCLUDED.change_number, deleted_at = NULL;

  UPDATE facility_use_feed_items SET slots_until = v_to
   WHERE resource_id = p_resource AND (slots_until IS NULL OR slots_until < v_to);
END $$;
