-- How alike two prices are, 1 (same) down to 0 (three times apart or more), on a log scale
-- with a one-euro cushion so that free and €1 are close. 0 when either is unknown.
CREATE OR REPLACE FUNCTION "price_likeness"(p_a integer, p_b integer) RETURNS double precision
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_a IS NULL OR p_b IS NULL THEN 0
              ELSE greatest(0, 1 - abs(ln((p_a + 100)::float8 / (p_b + 100))) / ln(3)) END
$$;
