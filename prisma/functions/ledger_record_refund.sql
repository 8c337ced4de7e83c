-- A refund was paid (order_mark_refunded, under the order's lock, as the row turns paid): the
-- host gives back its share and the platform the part of its fee fixed when the refund was owed
-- (refunds.platform_fee_refund_minor, order_owe_refund), which Stripe was told as it is; once per
-- refund. An order without ledger rows (the platform's own money) gets none.
CREATE OR REPLACE FUNCTION "ledger_record_refund"(p_order uuid, p_refund uuid) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  v_refund record;
  v_payment record;
BEGIN
  SELECT amount_minor, platform_fee_refund_minor INTO v_refund FROM refunds WHERE id = p_refund AND order_id = p_order;
  IF NOT FOUND OR v_refund.amount_minor = 0 THEN RETURN; END IF;
  SELECT l.host_id, l.currency INTO v_payment FROM ledger_entries l WHERE l.order_id = p_order AND l.kind = 'payment';
  IF NOT FOUND THEN RETURN; END IF;
  INSERT INTO ledger_entries (host_id, order_id, refund_id, kind, amount_minor, currency)
  VALUES (v_payment.host_id, p_order, p_refund, 'refund', -v_refund.amount_minor, v_payment.currency),
         (v_payment.host_id, p_order, p_refund, 'fee_refund', v_refund.platform_fee_refund_minor, v_payment.currency)
  ON CONFLICT (refund_id, kind) WHERE refund_id IS NOT NULL DO NOTHING;
END $$;
