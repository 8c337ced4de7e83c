-- paid → refund_required: a full refund (an admin's, or the event was cancelled). Places go
-- back on sale, tickets stop being valid, and what the order has not refunded yet (after any
-- cancellations of single tickets) is owed back, its refund job committed with the change.
CREATE OR REPLACE FUNCTION "order_refund"(p_order uuid, p_request_id text) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
BEGIN
  SELECT status INTO v_status FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF v_status <> 'paid' THEN RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status); END IF;
  PERFORM order_lock_places(p_order);
  UPDATE ticket_types tt SET sold = tt.sold - x.quantity
    FROM (SELECT ticket_type_id, sum(quantity)::int AS quantity FROM order_items
           WHERE order_id = p_order AND status = 'sold' GROUP BY ticket_type_id) x
   WHERE tt.id = x.ticket_type_id;
  UPDATE order_items SET status = 'cancelled' WHERE order_id = p_order AND status = 'sold';
  UPDATE bookings SET status = 'cancelled' WHERE order_id = p_order AND status IN ('held', 'sold');
  UPDATE tickets SET status = 'void' WHERE order_id = p_order;
  UPDATE orders SET status = 'refund_required' WHERE id = p_order;
  PERFORM order_owe_refund(p_order, order_refundable_minor(p_order), 0, 'refunded', p_request_id);
  RETURN jsonb_build_object('outcome', 'refund_required', 'from', v_status);
END $$;
