-- Venues: every item that embeds the venue (sessions, series, facility uses) is published again.
CREATE OR REPLACE FUNCTION "feed_venue_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  target UUID;
BEGIN
  PERFORM feed_lock();
  FOR target IN SELECT id FROM event_sessions WHERE venue_id = NEW.id ORDER BY id LOOP
    PERFORM feed_publish_session(target, false);
  END LOOP;
  FOR target IN SELECT id FROM events WHERE venue_id = NEW.id ORDER BY id LOOP
    PERFORM feed_publish_series(target);
  END LOOP;
  FOR target IN SELECT id FROM resources WHERE venue_id = NEW.id ORDER BY id LOOP
    PERFORM feed_publish_facility_use(target);
  END LOOP;
  RETURN NULL;
END $$;
