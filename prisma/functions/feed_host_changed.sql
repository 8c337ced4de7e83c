-- Hosts: every item that names the host (its events' series, their facility uses) is published again.
CREATE OR REPLACE FUNCTION "feed_host_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  target UUID;
BEGIN
  PERFORM feed_lock();
  FOR target IN SELECT id FROM events WHERE host_id = NEW.id ORDER BY id LOOP
    PERFORM feed_publish_series(target);
  END LOOP;
  FOR target IN SELECT r.id FROM resources r JOIN events e ON e.id = r.event_id WHERE e.host_id = NEW.id ORDER BY r.id LOOP
    PERFORM feed_publish_facility_use(target);
  END LOOP;
  RETURN NULL;
END $$;
