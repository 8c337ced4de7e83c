-- Trigger functions (all deferred: they run at COMMIT and see the transaction's final state).
CREATE OR REPLACE FUNCTION "feed_events_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  target UUID;
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM feed_publish_series(OLD.id);
    RETURN NULL;
  END IF;
  PERFORM feed_publish_series(NEW.id);
  IF TG_OP = 'UPDATE' THEN
    FOR target IN SELECT id FROM resources WHERE event_id = NEW.id ORDER BY id LOOP
      PERFORM feed_publish_facility_use(target);
      -- A slot of a draft event is a tombstone in the feed: the status is part of each slot.
      IF OLD.status IS DISTINCT FROM NEW.status THEN PERFORM feed_sync_slots(target, NULL, NULL, true); END IF;
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
