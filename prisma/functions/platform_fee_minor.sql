-- The platform's fee on a payment (docs/decisions/0020): `p_bp` basis points of the total,
-- rounded half up to the minor unit (percent_of_minor's rule, in hundredths of a percent),
-- plus `p_fixed` per place, never more than the total. lib/money.ts platformFeeMinor is the same.
CREATE OR REPLACE FUNCTION "platform_fee_minor"(p_total int, p_places int, p_bp int, p_fixed int) RETURNS int
  LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT least(p_total::bigint, (p_total::bigint * p_bp + 5000) / 10000 + p_fixed::bigint * p_places)::int
$$;
