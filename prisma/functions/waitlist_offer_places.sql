-- The places of ticket type p_type held by the open waiting-list offer whose voucher is
-- p_voucher (0: none, or no voucher): a buyer with that code may have them (order_ticket_refusal,
-- order_lock_quoted_tickets), and order_place takes them for the order.
CREATE OR REPLACE FUNCTION "waitlist_offer_places"(p_voucher uuid, p_type uuid) RETURNS int
  LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT quantity FROM waitlist_entries WHERE voucher_id = p_voucher AND ticket_type_id = p_type AND status = 'offered'), 0)
$$;
