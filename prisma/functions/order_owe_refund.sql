-- Money an order owes back (issue 29.1): a refund row, and the job that pays it through the
-- order's provider, committed with the change that owes it (the transactional outbox). One job
-- per refund ("refund_order:<refund id>"), so a second partial refund is never folded into a
-- first one already paid. The caller holds the order's lock.
CREATE OR REPLACE FUNCTION "order_owe_refund"(p_order uuid, p_amount int, p_fee int, p_reason text, p_request_id text) RETURNS uuid
  LANGUAGE plpgsql AS $$
DECLARE
  v_refund uuid;
BEGIN
  INSERT INTO refunds (order_id, amount_minor, fee_minor, reason) VALUES (p_order, p_amount, p_fee, p_reason) RETURNING id INTO v_refund;
  PERFORM jobs_enqueue('refund_order', order_job_payload(p_order, p_request_id) || jsonb_build_object('refundId', v_refund::text),
                       'refund_order:' || v_refund);
  RETURN v_refund;
END $$;
