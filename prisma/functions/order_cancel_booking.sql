-- An attendee cancels their own booking before it starts: pending → cancelled, or
-- paid → refund_required (with the refund job). The range is free again at once.
CREATE OR REPLACE FUNCTION "order_cancel_booking"(p_order uuid, p_user uuid, p_request_id text) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
  v_owner uuid;
  v_next order_status;
BEGIN
  SELECT status, user_id INTO v_status, v_owner FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND OR v_owner <> p_user THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF NOT EXISTS (SELECT 1 FROM bookings WHERE order_id = p_order) THEN RETURN jsonb_build_object('outcome', 'not_a_booking'); END IF;
  IF v_status NOT IN ('pending', 'paid') THEN RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status); END IF;
  IF EXISTS (SELECT 1 FROM bookings WHERE order_id = p_order AND starts_at <= now()) THEN
    RETURN jsonb_build_object('outcome', 'started');
  END IF;
  PERFORM order_lock_places(p_order);
  UPDATE bookings SET status = 'cancelled' WHERE order_id = p_order;
  UPDATE tickets SET status = 'void' WHERE order_id = p_order;
  v_next := CASE WHEN v_status = 'paid' THEN 'refund_required' ELSE 'cancelled' END;
  UPDATE orders SET status = v_next WHERE id = p_order;
  IF v_next = 'refund_required' THEN
    PERFORM order_enqueue_job('refund_order', p_order, p_request_id);
  END IF;
  RETURN jsonb_build_object('outcome', v_next, 'from', v_status);
END $$;
