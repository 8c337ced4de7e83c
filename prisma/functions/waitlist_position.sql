-- Where waiting entry p_entry stands in its type's line (1: next to be offered), NULL when it is
-- no longer waiting. A time range's line is the waiting entries of its resource whose ranges
-- overlap it (docs/decisions/0021). Two subqueries, so each uses its own line's index.
CREATE OR REPLACE FUNCTION "waitlist_position"(p_entry uuid) RETURNS int
  LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN e.ticket_type_id IS NOT NULL
    THEN (SELECT count(*)::int + 1 FROM waitlist_entries o
           WHERE o.ticket_type_id = e.ticket_type_id AND o.status = 'waiting' AND (o.created_at, o.id) < (e.created_at, e.id))
    ELSE (SELECT count(*)::int + 1 FROM waitlist_entries o
           WHERE o.resource_id = e.resource_id AND o.status = 'waiting' AND (o.created_at, o.id) < (e.created_at, e.id)
             AND tstzrange(o.starts_at, o.ends_at) && tstzrange(e.starts_at, e.ends_at))
    END
    FROM waitlist_entries e WHERE e.id = p_entry AND e.status = 'waiting'
$$;
