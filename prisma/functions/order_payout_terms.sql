-- Where an order's money goes and what the platform keeps (docs/decisions/0020): the host's
-- connected account when it may take charges (`account` null: the platform's own host, whose
-- money stays with the platform, and no fee) and the fee by the host's figures, else the
-- platform's. Read when a checkout starts; the order then keeps what Stripe was told.
CREATE OR REPLACE FUNCTION "order_payout_terms"(p_order uuid) RETURNS jsonb
  LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN h.slug <> 'local-tickets' AND h.charges_enabled AND h.stripe_account_id IS NOT NULL
    THEN jsonb_build_object(
      'account', h.stripe_account_id,
      'feeMinor', platform_fee_minor(o.total_minor,
        (SELECT coalesce(sum(oi.quantity), 0)::int FROM order_items oi WHERE oi.order_id = o.id)
          + (SELECT count(*)::int FROM bookings b WHERE b.order_id = o.id),
        coalesce(h.fee_percent_bp, s.fee_percent_bp), coalesce(h.fee_fixed_minor, s.fee_fixed_minor)))
    ELSE jsonb_build_object('account', NULL, 'feeMinor', NULL) END
    FROM orders o JOIN events e ON e.id = o.event_id JOIN hosts h ON h.id = e.host_id
    CROSS JOIN platform_settings s
   WHERE o.id = p_order
$$;
