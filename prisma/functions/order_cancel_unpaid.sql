-- pending | expired → cancelled: an unpaid order of a cancelled event. `cancelled`, not
-- `expired`, so a payment that still arrives is refunded instead of taking places back.
CREATE OR REPLACE FUNCTION "order_cancel_unpaid"(p_order uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
BEGIN
  SELECT status INTO v_status FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF v_status NOT IN ('pending', 'expired') THEN RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status); END IF;
  PERFORM order_lock_places(p_order);
  PERFORM order_give_back_holds(p_order);
  UPDATE orders SET status = 'cancelled' WHERE id = p_order;
  RETURN jsonb_build_object('outcome', 'cancelled', 'from', v_status);
END $$;
