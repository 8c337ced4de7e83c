-- Gives back the expired holds of resource p_resource that overlap [p_from, p_to) (the caller
-- holds the resource's lock): a booking of that range, a waiting-list join or an offer by hand
-- then judges the range by live bookings only. Each release goes through the trigger on
-- bookings, so a range freed here is offered to the resource's waiting list first. Waiting-list
-- offers are no order's holds: they end by their own sweep (waitlist_expire_range_offers).
CREATE OR REPLACE FUNCTION "release_expired_holds_in_range"(p_resource uuid, p_from timestamptz, p_to timestamptz) RETURNS void
  LANGUAGE sql AS $$
  UPDATE bookings b SET status = 'released'
    FROM orders o
   WHERE b.order_id = o.id AND b.resource_id = p_resource AND b.status = 'held'
     AND tstzrange(b.starts_at, b.ends_at) && tstzrange(p_from, p_to)
     AND o.status = 'pending' AND o.hold_expires_at <= now()
$$;
