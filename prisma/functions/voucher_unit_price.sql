-- The price of one place under a voucher (issue 28), never below zero: the same arithmetic as
-- lib/orders/voucher.ts voucherUnitPrice, with the one rounding rule of lib/money.ts
-- percentOfMinor (the discount rounded half up to the minor unit).
CREATE OR REPLACE FUNCTION "voucher_unit_price"(p_list int, p_kind voucher_kind, p_value int) RETURNS int
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE p_kind
           WHEN 'percent_off' THEN p_list - percent_of_minor(p_list, p_value)
           WHEN 'amount_off' THEN greatest(0, p_list - p_value)
           ELSE p_value
         END
$$;
