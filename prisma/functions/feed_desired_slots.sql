-- The slots one resource offers that start in [p_from, p_to), with their places now.
CREATE OR REPLACE FUNCTION "feed_desired_slots"(p_resource UUID, p_from TIMESTAMPTZ, p_to TIMESTAMPTZ)
  RETURNS TABLE (starts_at TIMESTAMPTZ, ends_at TIMESTAMPTZ, remaining INT)
  LANGUAGE sql STABLE AS $$
  SELECT DISTINCT ON (x.starts_at) x.starts_at, x.ends_at,
         CASE WHEN EXISTS (SELECT 1 FROM bookings b
                            WHERE b.resource_id = p_resource AND b.status IN ('held', 'sold')
                              AND tstzrange(b.starts_at, b.ends_at) && tstzrange(x.starts_at, x.ends_at)) THEN 0 ELSE 1 END
    FROM resources r
    JOIN venues v ON v.id = r.venue_id
    CROSS JOIN LATERAL generate_series(((p_from AT TIME ZONE v.time_zone)::date - 1)::timestamp, ((p_to AT TIME ZONE v.time_zone)::date)::timestamp, interval '1 day') d
    CROSS JOIN LATERAL generate_series(r.opens_minute, r.closes_minute - r.min_minutes, r.slot_minutes) m
    CROSS JOIN LATERAL (SELECT ((d::date + make_interval(mins => m)) AT TIME ZONE v.time_zone) AS starts_at,
                               ((d::date + make_interval(mins => m + r.min_minutes)) AT TIME ZONE v.time_zone) AS ends_at) x
   WHERE r.id = p_resource AND x.starts_at >= p_from AND x.starts_at < p_to
   ORDER BY x.starts_at
$$;
