CREATE OR REPLACE FUNCTION "event_sessions_publish"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  next_number BIGINT;
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM feed_lock();
    next_number := nextval('feed_change_number_seq');
    INSERT INTO session_feed_items AS f (session_id, event_id, change_number, deleted_at)
    VALUES (OLD.id, OLD.event_id, next_number, clock_timestamp())
    ON CONFLICT (session_id) DO UPDATE
       SET change_number = EXCLUDED.change_number, event_id = EXCLUDED.event_id, deleted_at = EXCLUDED.deleted_at;
    PERFORM pg_notify('availability', json_build_object(
      'sessionId', OLD.id, 'eventId', OLD.event_id, 'changeNumber', next_number,
      'deleted', true, 'public', true, 'cancelled', OLD.cancelled, 'remaining', 0, 'ticketTypes', '[]'::json)::text);
    RETURN NULL;
  END IF;
  PERFORM feed_publish_session(NEW.id, TG_OP = 'INSERT');
  RETURN NULL;
END $$;
