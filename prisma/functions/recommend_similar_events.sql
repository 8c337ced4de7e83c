-- "More like this" (issue 31, item 1): up to p_limit events on sale (event_on_sale), never the
-- event itself, best first. Two kinds of neighbours, blended in one score:
--   * people who bought this also bought: the event's latest 200 buyers (paid orders, a buyer
--     being an email, account or guest), each one's latest 30 other events, counted by buyer
--     (the 100 most co-bought);
--   * content, so a new event has neighbours on its first day: the same category in the same
--     city (the freshest 300), and events whose title or description shares a word of its
--     title (the stems of every language, weight A of the search vector; 100 of them).
-- Score, roughly in log-odds: co-purchase 0..3 (relative to the best co-bought event), same
-- category 2, same city 2, same activity 0.5, shared title words 0..1, a title word anywhere
-- 0.3, ln(1 + recent sales) (event_recent_sales); then, for the best 40 only (the dearer
-- parts), price alike 0..1 (price_likeness) and the same part of the week 0.7
-- (event_on_weekend). The weights were tuned with `npm run bench:recommend`
-- (docs/benchmarks.md). Every candidate is found through an index (orders_paid_by_event_idx,
-- orders_paid_by_buyer_idx, events_published_category_city_idx, the search vector's GIN
-- index) and the pools are bounded, so the cost stays flat as the catalogue grows.
CREATE OR REPLACE FUNCTION "recommend_similar_events"(p_event uuid, p_now timestamptz, p_limit integer)
  RETURNS TABLE (event_id uuid, score double precision)
  LANGUAGE sql STABLE AS $$
  WITH src AS (
    SELECT e.id, e.category, e.activity_id, e.city,
           tsvector_to_array(ts_filter(e.search_vector, '{a}')) AS words,
           event_price_from(e.id, p_now) AS price,
           event_on_weekend(e.id, p_now) AS weekend
      FROM events e WHERE e.id = p_event
  ),
  query AS (
    -- The stems as an OR query, written as tsquery literals (no second normalisation).
    SELECT (SELECT string_agg('''' || replace(replace(w, '\', '\\'), '''', '''''') || '''', ' | ')
              FROM unnest(src.words) AS w WHERE length(w) >= 3)::tsquery AS q
      FROM src
  ),
  buyers AS (
    SELECT DISTINCT o.buyer_email
      FROM (SELECT o.buyer_email FROM orders o
             WHERE o.event_id = p_event AND o.status = 'paid'
             ORDER BY o.paid_at DESC LIMIT 200) o
  ),
  co AS (
    SELECT x.event_id AS id, count(*)::float8 AS buyers
      FROM buyers b
      CROSS JOIN LATERAL (
        SELECT DISTINCT o.event_id
          FROM (SELECT o.event_id FROM orders o
                 WHERE o.buyer_email = b.buyer_email AND o.status = 'paid'
                 ORDER BY o.paid_at DESC LIMIT 30) o
      ) x
     WHERE x.event_id <> p_event
     GROUP BY x.event_id
     ORDER BY buyers DESC, x.event_id
     LIMIT 100
  ),
  near AS (
    SELECT e.id FROM events e, src
     WHERE e.status = 'published' AND e.category = src.category AND e.city = src.city AND e.id <> p_event
     ORDER BY e.created_at DESC LIMIT 300
  ),
  worded AS (
    SELECT e.id FROM events e, query
     WHERE query.q IS NOT NULL AND e.search_vector @@ query.q AND e.status = 'published' AND e.id <> p_event
     LIMIT 100
  ),
  pool AS (
    SELECT id FROM co UNION SELECT id FROM near UNION SELECT id FROM worded
  ),
  best AS (SELECT coalesce(max(buyers), 0) AS buyers FROM co),
  likely AS (
    SELECT e.id, e.created_at,
           3.0 * coalesce(co.buyers, 0) / (best.buyers + 1)
         + CASE WHEN e.category = src.category THEN 2.0 ELSE 0 END
         + CASE WHEN e.city = src.city THEN 2.0 ELSE 0 END
         + CASE WHEN e.activity_id = src.activity_id THEN 0.5 ELSE 0 END
         + coalesce(cardinality(ARRAY(SELECT unnest(src.words) INTERSECT SELECT unnest(tsvector_to_array(ts_filter(e.search_vector, '{a}')))))::float8
                    / nullif(cardinality(src.words), 0), 0)
         + CASE WHEN query.q IS NOT NULL AND e.search_vector @@ query.q THEN 0.3 ELSE 0 END
         + 1.0 * ln(1 + event_recent_sales(e.id, p_now)) AS score
      FROM pool
      JOIN events e ON e.id = pool.id
      CROSS JOIN src CROSS JOIN query CROSS JOIN best
      LEFT JOIN co ON co.id = e.id
     WHERE e.id <> p_event AND event_on_sale(e.id, p_now)
     ORDER BY score DESC, e.created_at DESC, e.id
     LIMIT greatest(40, 2 * p_limit)
  )
  SELECT l.id,
         l.score
       + price_likeness(src.price, event_price_from(l.id, p_now))
       + CASE WHEN event_on_weekend(l.id, p_now) = src.weekend THEN 0.7 ELSE 0 END AS score
    FROM likely l CROSS JOIN src
   ORDER BY 2 DESC, l.created_at DESC, l.id
   LIMIT p_limit
$$;
