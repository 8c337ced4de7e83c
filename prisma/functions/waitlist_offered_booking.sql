-- The held booking row of the open waiting-list offer a booking quote names (its
-- "waitlistEntryId", set only after the offer's code was checked, lib/orders/reserve-booking.ts)
-- when it is for exactly the quoted range of the quoted resource and has not expired; NULL
-- otherwise. order_lock_quoted_booking lets that booking have the range, and order_place hands
-- the row to the new order instead of inserting one (docs/decisions/0021).
CREATE OR REPLACE FUNCTION "waitlist_offered_booking"(p_quote jsonb) RETURNS uuid
  LANGUAGE sql STABLE AS $$
  SELECT b.id FROM bookings b JOIN waitlist_entries e ON e.id = b.waitlist_entry_id
   WHERE e.id = (p_quote ->> 'waitlistEntryId')::uuid AND e.status = 'offered' AND e.offer_expires_at > now()
     AND b.status = 'held' AND b.resource_id = (p_quote ->> 'resourceId')::uuid
     AND b.starts_at = (p_quote ->> 'start')::timestamptz
     AND b.ends_at = (p_quote ->> 'start')::timestamptz + make_interval(mins => (p_quote ->> 'minutes')::int)
$$;
