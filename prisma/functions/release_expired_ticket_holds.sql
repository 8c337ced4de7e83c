-- Gives back the places of expired holds on these ticket types (locked here, in id order; a
-- caller that holds the locks already loses nothing). The order stays `pending`: a late
-- payment may still take its places back if they are free. Returns the places given back.
CREATE OR REPLACE FUNCTION "release_expired_ticket_holds"(p_type_ids uuid[]) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_places int;
BEGIN
  PERFORM 1 FROM ticket_types WHERE id = ANY(p_type_ids) ORDER BY id FOR UPDATE;
  WITH released AS (
    UPDATE order_items oi SET status = 'released'
      FROM orders o
     WHERE oi.order_id = o.id AND oi.ticket_type_id = ANY(p_type_ids) AND oi.status = 'held'
       AND o.status = 'pending' AND o.hold_expires_at <= now()
    RETURNING oi.ticket_type_id, oi.quantity
  ), totals AS (
    SELECT ticket_type_id, sum(quantity)::int AS quantity FROM released GROUP BY ticket_type_id
  ), changed AS (
    UPDATE ticket_types tt SET held = tt.held - totals.quantity FROM totals WHERE tt.id = totals.ticket_type_id
    RETURNING totals.quantity
  )
  SELECT coalesce(sum(quantity), 0)::int INTO v_places FROM changed;
  -- The holds left are all live: the earliest of them is the new bound.
  UPDATE ticket_types tt
     SET next_hold_expiry = (SELECT min(o.hold_expires_at) FROM order_items oi JOIN orders o ON o.id = oi.order_id
                              WHERE oi.ticket_type_id = tt.id AND oi.status = 'held' AND o.status = 'pending')
   WHERE tt.id = ANY(p_type_ids);
  RETURN v_places;
END $$;
