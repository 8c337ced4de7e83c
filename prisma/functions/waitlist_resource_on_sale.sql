-- May a range of resource p_resource be offered to its waiting list now: its event published
-- and its host able to take payments (order_quoted_booking_refusal's rule for a buyer; whether
-- the range is still ahead is the caller's).
CREATE OR REPLACE FUNCTION "waitlist_resource_on_sale"(p_resource uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT e.status = 'published' AND host_takes_payments(e.host_id)
                     FROM resources r JOIN events e ON e.id = r.event_id WHERE r.id = p_resource), false)
$$;
