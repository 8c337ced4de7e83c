-- Where waiting entry p_entry stands in its type's line (1: next to be offered), NULL when it is
-- no longer waiting.
CREATE OR REPLACE FUNCTION "waitlist_position"(p_entry uuid) RETURNS int
  LANGUAGE sql STABLE AS $$
  SELECT (SELECT count(*)::int + 1 FROM waitlist_entries o
           WHERE o.ticket_type_id = e.ticket_type_id AND o.status = 'waiting' AND (o.created_at, o.id) < (e.created_at, e.id))
    FROM waitlist_entries e WHERE e.id = p_entry AND e.status = 'waiting'
$$;
