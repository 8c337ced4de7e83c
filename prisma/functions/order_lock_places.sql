-- Step 2 and 3 of the lock order for one order: its ticket types by id, then its resources by id.
CREATE OR REPLACE FUNCTION "order_lock_places"(p_order uuid) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM ticket_types WHERE id IN (SELECT ticket_type_id FROM order_items WHERE order_id = p_order) ORDER BY id FOR UPDATE;
  PERFORM 1 FROM resources WHERE id IN (SELECT resource_id FROM bookings WHERE order_id = p_order) ORDER BY id FOR UPDATE;
END $$;
