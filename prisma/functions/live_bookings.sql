-- The bookings of a resource that keep a time taken, overlapping [p_from, p_to): sold ones, and
-- held ones while their order's hold lasts. The one definition of "live": the day picker
-- (lib/catalog/get-event.ts) and order_place's look before the lock both read it. p_now: the
-- moment holds are judged at (the day picker may ask about another). A waiting-list offer's held
-- row (no order, docs/decisions/0021) keeps its range taken until its sweep releases it.
CREATE OR REPLACE FUNCTION "live_bookings"(p_resource uuid, p_from timestamptz, p_to timestamptz, p_now timestamptz DEFAULT now())
  RETURNS TABLE (starts_at timestamptz, ends_at timestamptz)
  LANGUAGE sql STABLE AS $$
  SELECT b.starts_at, b.ends_at
    FROM bookings b LEFT JOIN orders o ON o.id = b.order_id
   WHERE b.resource_id = p_resource AND tstzrange(b.starts_at, b.ends_at) && tstzrange(p_from, p_to)
     AND (b.status = 'sold' OR (b.status = 'held' AND (b.order_id IS NULL OR (o.status = 'pending' AND o.hold_expires_at > p_now))))
$$;
