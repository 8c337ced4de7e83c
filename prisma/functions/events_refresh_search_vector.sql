CREATE OR REPLACE FUNCTION "events_refresh_search_vector"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := events_search_document(NEW);
  RETURN NEW;
END $$;
