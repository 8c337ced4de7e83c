-- `p_percent`% of an amount in minor units, rounded half up to the minor unit: the one rounding
-- rule of lib/money.ts percentOfMinor (discounts, cancellation fees).
CREATE OR REPLACE FUNCTION "percent_of_minor"(p_amount int, p_percent int) RETURNS int
  LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT ((p_amount::bigint * p_percent + 50) / 100)::int
$$;
