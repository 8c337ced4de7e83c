-- A translation written, changed or removed re-indexes its event.
CREATE OR REPLACE FUNCTION "event_translations_refresh_search"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE events e SET search_vector = events_search_document(e)
   WHERE e.id IN (SELECT (CASE WHEN TG_OP = 'DELETE' THEN OLD.event_id ELSE NEW.event_id END));
  RETURN NULL;
END $$;
