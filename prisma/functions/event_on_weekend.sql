-- Is the event at a weekend (Friday to Sunday, in the venue's time zone)? Its next session
-- decides, else its last one (a past purchase still tells when a buyer goes out). NULL for an
-- event without sessions (a bookable experience is open every day).
CREATE OR REPLACE FUNCTION "event_on_weekend"(p_event uuid, p_now timestamptz) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT extract(isodow FROM s.starts_at AT TIME ZONE v.time_zone) >= 5
    FROM event_sessions s JOIN venues v ON v.id = s.venue_id
   WHERE s.event_id = p_event AND NOT s.cancelled
   ORDER BY s.starts_at <= p_now, CASE WHEN s.starts_at > p_now THEN s.starts_at END, s.starts_at DESC
   LIMIT 1
$$;
