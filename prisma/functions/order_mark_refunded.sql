-- A refund was paid by the provider (the refund job, lib/payments/refund-and-notify.ts): the
-- row is `paid`, and an order owing nothing more goes refund_required → refunded. Idempotent.
CREATE OR REPLACE FUNCTION "order_mark_refunded"(p_order uuid, p_refund uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
BEGIN
  SELECT status INTO v_status FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  UPDATE refunds SET status = 'paid', paid_at = now() WHERE id = p_refund AND order_id = p_order AND status = 'pending';
  -- The host's ledger: the refund and the fee's share of it, in this transaction (docs/decisions/0020).
  IF FOUND THEN PERFORM ledger_record_refund(p_order, p_refund); END IF;
  IF v_status <> 'refund_required' OR EXISTS (SELECT 1 FROM refunds WHERE order_id = p_order AND status = 'pending') THEN
    RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status);
  END IF;
  UPDATE orders SET status = 'refunded' WHERE id = p_order;
  RETURN jsonb_build_object('outcome', 'refunded', 'from', v_status);
END $$;
