-- The list price of p_quantity places of ticket type p_type now, when p_taken places of it are
-- sold or held (issue 28): the first price tier still running (before its instant, and with
-- all these places fitting under its count), else the type's own price p_base. Read under the
-- type's row lock by the commit, so the buyer who takes the last early place pays the early
-- price and the next one the next. As lib/orders/quote-tickets.ts listPriceOf.
CREATE OR REPLACE FUNCTION "ticket_type_list_price"(p_type uuid, p_quantity int, p_taken int, p_base int) RETURNS int
  LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT pt.price_minor FROM price_tiers pt
      WHERE pt.ticket_type_id = p_type
        AND (pt.until IS NULL OR now() < pt.until)
        AND (pt.until_taken IS NULL OR p_taken + p_quantity <= pt.until_taken)
      ORDER BY pt.sort_order, pt.id LIMIT 1),
    p_base)
$$;
