-- The same for the bookings of one resource (locked here).
CREATE OR REPLACE FUNCTION "release_expired_booking_holds"(p_resource uuid) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_count int;
BEGIN
  PERFORM 1 FROM resources WHERE id = p_resource FOR UPDATE;
  UPDATE bookings b SET status = 'released'
    FROM orders o
   WHERE b.order_id = o.id AND b.resource_id = p_resource AND b.status = 'held'
     AND o.status = 'pending' AND o.hold_expires_at <= now();
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END $$;
