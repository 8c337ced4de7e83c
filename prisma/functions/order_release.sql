-- pending → expired: the buyer walked away or the payment failed; the held places go back now.
CREATE OR REPLACE FUNCTION "order_release"(p_order uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
BEGIN
  SELECT status INTO v_status FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF v_status <> 'pending' THEN RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status); END IF;
  PERFORM order_lock_places(p_order);
  PERFORM order_give_back_holds(p_order);
  UPDATE orders SET status = 'expired' WHERE id = p_order;
  RETURN jsonb_build_object('outcome', 'expired', 'from', v_status);
END $$;
