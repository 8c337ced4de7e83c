-- Where waiting entry p_entry stands in its type's line (1: next to be offered), NULL when it is
-- no longer waiting. A time range's line is the waiting entries of its resource whose ranges
-- overlap it (docs/decisions/0021).
CREATE OR REPLACE FUNCTION "waitlist_position"(p_entry uuid) RETURNS int
  LANGUAGE sql STABLE AS $$
  SELECT (SELECT count(*)::int + 1 FROM waitlist_entries o
           WHERE (o.ticket_type_id = e.ticket_type_id
                  OR (o.resource_id = e.resource_id AND tstzrange(o.starts_at, o.ends_at) && tstzrange(e.starts_at, e.ends_at)))
             AND o.status = 'waiting' AND (o.created_at, o.id) < (e.created_at, e.id))
    FROM waitlist_entries e WHERE e.id = p_entry AND e.status = 'waiting'
$$;
