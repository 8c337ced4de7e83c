-- Trigger on ticket_types (migration 20261213100000): when a type's free places grow, in the
-- same transaction and under the row lock the UPDATE holds, the waiting list takes them first
-- (waitlist_offer_freed). One trigger instead of a call in every function that gives places
-- back (order_cancel, order_refund, order_give_back_holds, release_expired_ticket_holds, an
-- offer taken for fewer places, left or expired, more capacity): none can be missed.
CREATE OR REPLACE FUNCTION "ticket_types_waitlist_offer_freed"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM waitlist_offer_freed(NEW.id);
  RETURN NULL;
END $$;
