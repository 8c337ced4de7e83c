-- What of an order's total has not been refunded or kept as a cancellation fee yet.
CREATE OR REPLACE FUNCTION "order_refundable_minor"(p_order uuid) RETURNS int
  LANGUAGE sql STABLE AS $$
  SELECT o.total_minor - coalesce((SELECT sum(r.amount_minor + r.fee_minor) FROM refunds r WHERE r.order_id = o.id), 0)::int
    FROM orders o WHERE o.id = p_order
$$;
