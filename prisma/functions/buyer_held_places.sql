-- Places a buyer (by email, account or not) holds unpaid right now, over all their pending
-- orders (a booking is one place).
CREATE OR REPLACE FUNCTION "buyer_held_places"(p_email text) RETURNS int
  LANGUAGE sql STABLE AS $$
  SELECT (SELECT coalesce(sum(oi.quantity), 0) FROM orders o JOIN order_items oi ON oi.order_id = o.id
           WHERE o.buyer_email = p_email AND o.status = 'pending' AND o.hold_expires_at > now() AND oi.status = 'held')::int
       + (SELECT count(*) FROM orders o JOIN bookings b ON b.order_id = o.id
           WHERE o.buyer_email = p_email AND o.status = 'pending' AND o.hold_expires_at > now() AND b.status = 'held')::int
$$;
