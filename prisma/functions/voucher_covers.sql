-- Does voucher p_voucher cover ticket type p_type (of event p_event, priced in p_currency)? Its
-- scope (empty lists: everything) and, for money off or a set price, its currency. As
-- lib/orders/voucher.ts voucherCovers.
CREATE OR REPLACE FUNCTION "voucher_covers"(p_voucher vouchers, p_event uuid, p_type uuid, p_currency text) RETURNS boolean
  LANGUAGE sql IMMUTABLE AS $$
  SELECT (cardinality(p_voucher.event_ids) = 0 OR p_event = ANY(p_voucher.event_ids))
     AND (cardinality(p_voucher.ticket_type_ids) = 0 OR p_type = ANY(p_voucher.ticket_type_ids))
     AND (p_voucher.kind = 'percent_off' OR p_voucher.currency = p_currency)
$$;
