CREATE OR REPLACE FUNCTION "feed_slot_horizon"() RETURNS interval LANGUAGE sql IMMUTABLE AS $$ SELECT interval '14 days' $$;
