-- Bookings: a hold, a sale, a release (including the sweeper's release of an expired hold) or
-- a cancellation changes the places of the slots it overlaps.
CREATE OR REPLACE FUNCTION "feed_booking_changed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  -- Slots overlapping [starts_at, ends_at) start at most a day (the longest slot) earlier.
  IF TG_OP <> 'INSERT' THEN PERFORM feed_sync_slots(OLD.resource_id, OLD.starts_at - interval '1 day', OLD.ends_at, false); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM feed_sync_slots(NEW.resource_id, NEW.starts_at - interval '1 day', NEW.ends_at, false); END IF;
  RETURN NULL;
END $$;
