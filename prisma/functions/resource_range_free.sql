-- Does no booking (held or sold, an open waiting-list offer included) overlap [p_from, p_to) of
-- resource p_resource? The exclusion constraint's own condition (bookings_no_overlap): a hold
-- whose order has expired still counts until it is given back (release_expired_holds_in_range).
CREATE OR REPLACE FUNCTION "resource_range_free"(p_resource uuid, p_from timestamptz, p_to timestamptz) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT NOT EXISTS (SELECT 1 FROM bookings WHERE resource_id = p_resource AND status IN ('held', 'sold')
                        AND tstzrange(starts_at, ends_at) && tstzrange(p_from, p_to))
$$;
