-- Sessions and offers: the series lists the event's offers.
CREATE OR REPLACE FUNCTION "feed_series_part_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  v_event UUID;
BEGIN
  IF TG_TABLE_NAME = 'event_sessions' THEN
    IF TG_OP <> 'INSERT' THEN PERFORM feed_publish_series(OLD.event_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM feed_publish_series(NEW.event_id); END IF;
  ELSE
    -- A ticket type deleted with its session: the session's own trigger publishes the series.
    SELECT event_id INTO v_event FROM event_sessions WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.session_id ELSE NEW.session_id END;
    IF FOUND THEN PERFORM feed_publish_series(v_event); END IF;
  END IF;
  RETURN NULL;
END $$;
