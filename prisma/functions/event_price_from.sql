-- An event's price level for likeness: its cheapest ticket over sessions still to come, else
-- over all its sessions (an event bought in the past still tells a buyer's budget), else a
-- bookable slot's price. NULL when it sells nothing.
CREATE OR REPLACE FUNCTION "event_price_from"(p_event uuid, p_now timestamptz) RETURNS integer
  LANGUAGE sql STABLE AS $$
  SELECT coalesce(
    (SELECT min(tt.price_minor) FROM event_sessions s JOIN ticket_types tt ON tt.session_id = s.id
      WHERE s.event_id = p_event AND NOT s.cancelled AND s.starts_at > p_now),
    (SELECT min(tt.price_minor) FROM event_sessions s JOIN ticket_types tt ON tt.session_id = s.id
      WHERE s.event_id = p_event),
    (SELECT min(r.price_minor_per_slot) FROM resources r WHERE r.event_id = p_event))
$$;
