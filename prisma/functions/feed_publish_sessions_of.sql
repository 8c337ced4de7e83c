-- The feed embeds the event, the venue and the offers (ticket types) in each session: a change
-- to any of them is a change of the session's data, so its sessions are published again.
-- These publish directly (no UPDATE of event_sessions), so they never take session row locks
-- and never change the lock order of docs/decisions/0002-lock-order.md.
CREATE OR REPLACE FUNCTION "feed_publish_sessions_of"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  target UUID;
BEGIN
  -- Lock first: the sessions listed below are then read after every earlier publisher committed.
  PERFORM feed_lock();
  IF TG_TABLE_NAME = 'events' THEN
    FOR target IN SELECT id FROM event_sessions WHERE event_id = NEW.id ORDER BY id LOOP
      PERFORM feed_publish_session(target, false);
    END LOOP;
  ELSIF TG_TABLE_NAME = 'venues' THEN
    FOR target IN SELECT id FROM event_sessions WHERE venue_id = NEW.id ORDER BY id LOOP
      PERFORM feed_publish_session(target, false);
    END LOOP;
  ELSE
    PERFORM feed_publish_session(NEW.session_id, false);
  END IF;
  RETURN NULL;
END $$;
