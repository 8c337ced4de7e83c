-- Stored "remaining places" of a session: the sum over its ticket types, kept in step by
-- the same transaction that changes a ticket type (OpenActive "calculated fields").
CREATE OR REPLACE FUNCTION "ticket_types_sync_session_remaining"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.session_id = NEW.session_id THEN
    IF NEW.remaining <> OLD.remaining THEN
      UPDATE event_sessions
         SET remaining = remaining + (NEW.remaining - OLD.remaining), modified_at = clock_timestamp()
       WHERE id = NEW.session_id;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE event_sessions SET remaining = remaining - OLD.remaining, modified_at = clock_timestamp()
     WHERE id = OLD.session_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    UPDATE event_sessions SET remaining = remaining + NEW.remaining, modified_at = clock_timestamp()
     WHERE id = NEW.session_id;
  END IF;
  RETURN NULL;
END $$;
