-- The part of the platform's fee a refund gives back (docs/decisions/0020): the fee is returned
-- in proportion to what has been refunded in all, rounded half up, and this refund takes the
-- difference from what earlier refunds took. So the fee refunds of any sequence of partial
-- refunds add up to the whole fee once the whole total is back, and depend only on the sum.
-- lib/money.ts feeRefundMinor is the same rule; order_owe_refund fixes each refund's share with it.
CREATE OR REPLACE FUNCTION "fee_refund_minor"(p_fee int, p_total int, p_refunded_before int, p_refund int) RETURNS int
  LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT CASE WHEN p_total <= 0 THEN 0 ELSE
    ((2 * p_fee::bigint * (p_refunded_before + p_refund) + p_total) / (2 * p_total::bigint)
     - (2 * p_fee::bigint * p_refunded_before + p_total) / (2 * p_total::bigint))::int END
$$;
