-- The order's held places go back on sale (its places must be locked by the caller).
CREATE OR REPLACE FUNCTION "order_give_back_holds"(p_order uuid) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ticket_types tt SET held = tt.held - x.quantity
    FROM (SELECT ticket_type_id, sum(quantity)::int AS quantity FROM order_items
           WHERE order_id = p_order AND status = 'held' GROUP BY ticket_type_id) x
   WHERE tt.id = x.ticket_type_id;
  UPDATE order_items SET status = 'released' WHERE order_id = p_order AND status = 'held';
  UPDATE bookings SET status = 'released' WHERE order_id = p_order AND status = 'held';
END $$;
