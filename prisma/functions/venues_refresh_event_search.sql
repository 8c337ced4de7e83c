CREATE OR REPLACE FUNCTION "venues_refresh_event_search"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE events e SET search_vector = events_search_document(e) WHERE e.venue_id = NEW.id;
  RETURN NULL;
END $$;
