-- Resources: the facility use, and its slots (all of them: hours, lengths or price may have changed).
CREATE OR REPLACE FUNCTION "feed_resource_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM feed_publish_facility_use(OLD.id);
    PERFORM feed_sync_slots(OLD.id, NULL, NULL, false);
    RETURN NULL;
  END IF;
  PERFORM feed_publish_facility_use(NEW.id);
  IF TG_OP = 'UPDATE' AND OLD."event_id" IS DISTINCT FROM NEW."event_id" THEN PERFORM feed_publish_series(OLD.event_id); END IF;
  PERFORM feed_sync_slots(NEW.id, NULL, NULL, TG_OP = 'UPDATE');
  RETURN NULL;
END $$;
