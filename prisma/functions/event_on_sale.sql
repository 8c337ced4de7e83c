-- Is this event on sale now: published, with a session still to start that is not cancelled
-- and has places left, or bookable (a bookable experience is open daily)? The event page's
-- "on sale" (lib/catalog/get-event.ts) is the same rule for a session. The recommendations
-- offer nothing else. A host whose Stripe account may not take charges has nothing on sale (0020). Written as one expression, so PostgreSQL inlines it into the caller.
CREATE OR REPLACE FUNCTION "event_on_sale"(p_event uuid, p_now timestamptz) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM events e
     WHERE e.id = p_event AND e.status = 'published' AND host_takes_payments(e.host_id)
       AND (EXISTS (SELECT 1 FROM event_sessions s
                     WHERE s.event_id = e.id AND NOT s.cancelled AND s.starts_at > p_now AND s.remaining > 0)
            OR EXISTS (SELECT 1 FROM resources r WHERE r.event_id = e.id)))
$$;
