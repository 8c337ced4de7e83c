-- A payment arrived (order_confirm_payment, under the order's lock, after it recorded the
-- provider): the host's ledger gets the payment and the platform's fee, once. Only orders paid
-- on a host's behalf have rows: those whose checkout recorded the terms (Stripe, with the
-- destination account and the fee it was told), and the local test provider's, which takes
-- the terms now to simulate the same split without keys. The platform's own money: no rows.
CREATE OR REPLACE FUNCTION "ledger_record_payment"(p_order uuid) RETURNS void
  LANGUAGE plpgsql AS $$
DECLARE
  v_order record;
  v_terms jsonb;
BEGIN
  SELECT o.payout_account, o.platform_fee_minor, o.total_minor, o.currency, o.payment_provider, e.host_id
    INTO v_order FROM orders o JOIN events e ON e.id = o.event_id WHERE o.id = p_order;
  IF NOT FOUND OR v_order.total_minor = 0 THEN RETURN; END IF;
  IF v_order.payout_account IS NULL AND v_order.payment_provider = 'local' THEN
    v_terms := order_payout_terms(p_order);
    IF v_terms ->> 'account' IS NULL THEN RETURN; END IF;
    v_order.payout_account := v_terms ->> 'account';
    v_order.platform_fee_minor := (v_terms ->> 'feeMinor')::int;
    UPDATE orders SET payout_account = v_order.payout_account, platform_fee_minor = v_order.platform_fee_minor WHERE id = p_order;
  END IF;
  IF v_order.payout_account IS NULL THEN RETURN; END IF;
  INSERT INTO ledger_entries (host_id, order_id, kind, amount_minor, currency)
  VALUES (v_order.host_id, p_order, 'payment', v_order.total_minor, v_order.currency),
         (v_order.host_id, p_order, 'fee', -coalesce(v_order.platform_fee_minor, 0), v_order.currency)
  ON CONFLICT (order_id, kind) WHERE refund_id IS NULL DO NOTHING;
END $$;
