-- "For you" (issue 31, item 2): up to p_limit events on sale (event_on_sale) that the buyer
-- has not bought (nor holds or is being refunded), best first, fresh events ahead of equals.
-- Everything is read here, from the shop's own tables; nothing leaves the database.
--   p_user:   the signed-in account (NULL for a guest); its recorded views count only while
--             its "personal picks" setting is on (users.personal_picks);
--   p_email:  the account's verified email, whose guest orders are the account's (0012), or NULL;
--   p_viewed: the events a guest looked at on this visit (a cookie of that browser), latest first.
-- Signals, latest first, each weighing 0.9 times the one after it (the latest 40 count):
-- a paid order (tickets bought or a time slot booked) 1, a view 0.5.
-- Issue 29 (waiting lists) adds a third signal to `signals`: a place on a waiting list, at
-- 0.75 (a wish, stronger than a look); the rest of the function reads signals only.
-- From them: the buyer's categories and cities (shares of the signals' weight), their budget
-- (the weighted geometric mean of the signals' prices), their part of the week (the weekend
-- share, event_on_weekend) and seeds (the 10 heaviest signals).
-- Candidates: what the seeds' latest 30 buyers each bought last (30 events; the 150 most
-- co-bought), and the freshest 100 published events of each of the buyer's three favourite
-- category-and-city pairs. Score, roughly in log-odds: co-purchase 0..2, category share
-- 0..2.5, city share 0..2.5, ln(1 + recent sales) (event_recent_sales); then, for the best 40
-- only (the dearer parts), budget 0..1 (price_likeness), the part of the week 0..0.7 and
-- freshness 0..0.3 (halving in about ten days). Tuned with `npm run bench:recommend`.
CREATE OR REPLACE FUNCTION "recommend_for_buyer"(p_user uuid, p_email text, p_viewed uuid[], p_now timestamptz, p_limit integer)
  RETURNS TABLE (event_id uuid, score double precision)
  LANGUAGE sql STABLE AS $$
  WITH mine AS (
    SELECT o.event_id, o.status, coalesce(o.paid_at, o.created_at) AS at FROM orders o WHERE o.user_id = p_user
    UNION
    SELECT o.event_id, o.status, coalesce(o.paid_at, o.created_at) FROM orders o WHERE o.buyer_email = p_email
  ),
  owned AS (
    SELECT DISTINCT m.event_id FROM mine m WHERE m.status IN ('paid', 'pending', 'refund_required')
  ),
  signals AS (
    SELECT s.event_id, sum(s.weight * power(0.9, s.n - 1)) AS weight
      FROM (SELECT x.event_id, x.weight, row_number() OVER (ORDER BY x.at DESC, x.weight DESC) AS n
              FROM (SELECT m.event_id, 1.0::float8 AS weight, m.at FROM mine m WHERE m.status = 'paid'
                    UNION ALL
                    SELECT v.event_id, 0.5, v.viewed_at
                      FROM event_views v JOIN users u ON u.id = v.user_id AND u.personal_picks
                     WHERE v.user_id = p_user
                    UNION ALL
                    SELECT g.id, 0.5, p_now - g.n * interval '1 second'
                      FROM unnest(p_viewed) WITH ORDINALITY AS g(id, n)) x) s
      JOIN events e ON e.id = s.event_id
     WHERE s.n <= 40
     GROUP BY s.event_id
  ),
  total AS (SELECT sum(weight) AS weight FROM signals),
  tastes AS (
    SELECT e.category, e.city, sum(s.weight) AS weight
      FROM signals s JOIN events e ON e.id = s.event_id
     GROUP BY e.category, e.city
  ),
  by_category AS (SELECT t.category, sum(t.weight) / (SELECT weight FROM total) AS share FROM tastes t GROUP BY t.category),
  by_city AS (SELECT t.city, sum(t.weight) / (SELECT weight FROM total) AS share FROM tastes t GROUP BY t.city),
  budget AS (
    SELECT (exp(sum(s.weight * ln(p.price + 100)) / sum(s.weight)) - 100)::integer AS price
      FROM signals s CROSS JOIN LATERAL (SELECT event_price_from(s.event_id, p_now) AS price) p
     WHERE p.price IS NOT NULL
  ),
  week AS (
    -- The share of the signals' weight at weekends (0.5 when none has a session to tell).
    SELECT coalesce(sum(s.weight) FILTER (WHERE w.weekend) / nullif(sum(s.weight) FILTER (WHERE w.weekend IS NOT NULL), 0), 0.5) AS weekend
      FROM signals s CROSS JOIN LATERAL (SELECT event_on_weekend(s.event_id, p_now) AS weekend) w
  ),
  seeds AS (SELECT s.event_id, s.weight FROM signals s ORDER BY s.weight DESC, s.event_id LIMIT 10),
  co AS (
    SELECT x.event_id AS id, sum(sd.weight) AS weight
      FROM seeds sd
      CROSS JOIN LATERAL (
        SELECT o.buyer_email FROM orders o
         WHERE o.event_id = sd.event_id AND o.status = 'paid' AND o.buyer_email IS DISTINCT FROM p_email
           AND o.user_id IS DISTINCT FROM p_user
         ORDER BY o.paid_at DESC LIMIT 30
      ) b
      CROSS JOIN LATERAL (
        SELECT o.event_id FROM orders o
         WHERE o.buyer_email = b.buyer_email AND o.status = 'paid'
         ORDER BY o.paid_at DESC LIMIT 30
      ) x
     GROUP BY x.event_id
     ORDER BY weight DESC, x.event_id
     LIMIT 150
  ),
  best AS (SELECT coalesce(max(weight), 0) AS weight FROM co),
  places AS (
    SELECT x.id
      FROM (SELECT t.category, t.city FROM tastes t ORDER BY t.weight DESC, t.category, t.city LIMIT 3) t
      CROSS JOIN LATERAL (
        SELECT e.id FROM events e
         WHERE e.status = 'published' AND e.category = t.category AND e.city = t.city
         ORDER BY e.created_at DESC LIMIT 100
      ) x
  ),
  pool AS (SELECT id FROM co UNION SELECT id FROM places),
  likely AS (
    SELECT e.id, e.created_at,
           2.0 * coalesce(co.weight / nullif(best.weight, 0), 0)
         + 2.5 * coalesce(bc.share, 0)
         + 2.5 * coalesce(bt.share, 0)
         + 1.0 * ln(1 + event_recent_sales(e.id, p_now)) AS score
      FROM pool
      JOIN events e ON e.id = pool.id
      CROSS JOIN best
      LEFT JOIN co ON co.id = e.id
      LEFT JOIN by_category bc ON bc.category = e.category
      LEFT JOIN by_city bt ON bt.city = e.city
     WHERE NOT EXISTS (SELECT 1 FROM owned WHERE owned.event_id = e.id) AND event_on_sale(e.id, p_now)
     ORDER BY score DESC, e.created_at DESC, e.id
     LIMIT greatest(40, 2 * p_limit)
  )
  SELECT l.id,
         l.score
       + price_likeness(budget.price, event_price_from(l.id, p_now))
       + 0.7 * CASE event_on_weekend(l.id, p_now) WHEN true THEN week.weekend WHEN false THEN 1 - week.weekend ELSE 0.5 END
       + 0.3 * exp(-greatest(0, extract(epoch FROM p_now - l.created_at)) / (14 * 86400)) AS score
    FROM likely l CROSS JOIN budget CROSS JOIN week
   ORDER BY 2 DESC, l.created_at DESC, l.id
   LIMIT p_limit
$$;
