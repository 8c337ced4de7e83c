-- How much an event sold lately: its paid orders of the last 90 days, counted up to 1,000 (a
-- bounded walk of orders_paid_by_event_idx, never the table). The recommendations weigh it
-- as ln(1 + n): among equally likely events, the ones people actually buy come first.
CREATE OR REPLACE FUNCTION "event_recent_sales"(p_event uuid, p_now timestamptz) RETURNS integer
  LANGUAGE sql STABLE AS $$
  SELECT count(*)::integer FROM (
    SELECT 1 FROM orders o
     WHERE o.event_id = p_event AND o.status = 'paid' AND o.paid_at > p_now - interval '90 days'
     LIMIT 1000) x
$$;
