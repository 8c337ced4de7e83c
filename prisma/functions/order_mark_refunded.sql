-- refund_required → refunded: the provider gave the money back (lib/jobs refund handler).
CREATE OR REPLACE FUNCTION "order_mark_refunded"(p_order uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
BEGIN
  SELECT status INTO v_status FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF v_status <> 'refund_required' THEN RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status); END IF;
  UPDATE orders SET status = 'refunded' WHERE id = p_order;
  RETURN jsonb_build_object('outcome', 'refunded', 'from', v_status);
END $$;
