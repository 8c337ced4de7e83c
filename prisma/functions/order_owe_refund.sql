-- Money an order owes back (issue 29.1): a refund row, and the job that pays it through the
-- order's provider, committed with the change that owes it (the transactional outbox). One job
-- per refund ("refund_order:<refund id>"), so a second partial refund is never folded into a
-- first one already paid. The caller holds the order's lock. For a payment made on a host's
-- behalf, the platform's fee given back with it is fixed here (docs/decisions/0020): the rule of
-- fee_refund_minor over the refunds owed before this one, so the shares add up to the whole fee
-- with the whole total, whatever order the jobs pay them in; Stripe is told this figure.
CREATE OR REPLACE FUNCTION "order_owe_refund"(p_order uuid, p_amount int, p_fee int, p_reason text, p_request_id text) RETURNS uuid
  LANGUAGE plpgsql AS $$
DECLARE
  v_refund uuid;
  v_order record;
  v_fee_back int := 0;
BEGIN
  SELECT payout_account, coalesce(platform_fee_minor, 0) AS fee, total_minor INTO v_order FROM orders WHERE id = p_order;
  IF v_order.payout_account IS NOT NULL AND v_order.fee > 0 THEN
    v_fee_back := fee_refund_minor(v_order.fee, v_order.total_minor,
                                   (SELECT coalesce(sum(amount_minor), 0)::int FROM refunds WHERE order_id = p_order), p_amount);
  END IF;
  INSERT INTO refunds (order_id, amount_minor, fee_minor, reason, platform_fee_refund_minor)
  VALUES (p_order, p_amount, p_fee, p_reason, v_fee_back) RETURNING id INTO v_refund;
  PERFORM jobs_enqueue('refund_order', order_job_payload(p_order, p_request_id) || jsonb_build_object('refundId', v_refund::text),
                       'refund_order:' || v_refund);
  RETURN v_refund;
END $$;
