-- Trigger on bookings (migration 20261216000000): when a booking stops holding its range (held
-- or sold → released or cancelled: an expired hold given back, an unpaid order released or
-- cancelled, a cancellation, a refund, a waiting-list offer left or expired), the resource's
-- waiting list takes the freed time first, in the same transaction (waitlist_offer_freed_range).
-- One trigger instead of a call in every function that frees a range: none can be missed.
CREATE OR REPLACE FUNCTION "bookings_waitlist_offer_freed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM waitlist_offer_freed_range(NEW.resource_id);
  RETURN NULL;
END $$;
