-- A refund was paid (order_mark_refunded, under the order's lock, as the row turns paid): the
-- host gives back its share and the platform its fee in proportion (fee_refund_minor over
-- what the ledger already shows refunded), once per refund. Stripe did the same with
-- reverse_transfer and refund_application_fee. An order without ledger rows (the platform's
-- own money) gets none.
CREATE OR REPLACE FUNCTION "ledger_record_refund"(p_order uuid, p_refund uuid) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  v_amount int;
  v_payment record;
  v_before int;
BEGIN
  SELECT amount_minor INTO v_amount FROM refunds WHERE id = p_refund AND order_id = p_order;
  IF NOT FOUND OR v_amount = 0 THEN RETURN; END IF;
  SELECT l.host_id, l.currency, l.amount_minor AS total, o.platform_fee_minor AS fee
    INTO v_payment FROM ledger_entries l JOIN orders o ON o.id = l.order_id
   WHERE l.order_id = p_order AND l.kind = 'payment';
  IF NOT FOUND THEN RETURN; END IF;
  SELECT coalesce(-sum(amount_minor), 0)::int INTO v_before FROM ledger_entries WHERE order_id = p_order AND kind = 'refund';
  INSERT INTO ledger_entries (host_id, order_id, refund_id, kind, amount_minor, currency)
  VALUES (v_payment.host_id, p_order, p_refund, 'refund', -v_amount, v_payment.currency),
         (v_payment.host_id, p_order, p_refund, 'fee_refund', fee_refund_minor(coalesce(v_payment.fee, 0), v_payment.total, v_before, v_amount), v_payment.currency)
  ON CONFLICT (refund_id, kind) WHERE refund_id IS NOT NULL DO NOTHING;
END $$;
