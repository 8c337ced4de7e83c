-- Who holds a valid ticket (issue 29.4), the one rule for the admin's messages and the
-- reminders: a ticket that is `valid` (a holder change voids the old one and issues a new
-- one) of an order that is `paid` (refunded, refund_required and cancelled orders hold
-- nothing), for a session or a booked time starting in [p_from, p_until), of one event or,
-- with p_event_id NULL, of every event. The email goes to the ticket's holder when it has an
-- email, else to the buyer, always in lower case and in the order's language (the buyer's).
-- `cancelled`: the session or the event was called off (no reminder for it).
CREATE OR REPLACE FUNCTION "attendee_tickets"(p_event_id uuid, p_from timestamptz, p_until timestamptz)
  RETURNS TABLE (ticket_id uuid, order_id uuid, event_id uuid, session_id uuid, booking_id uuid, starts_at timestamptz, ends_at timestamptz,
                 email text, name text, locale text, ordered_at timestamptz, cancelled boolean)
  LANGUAGE sql STABLE AS $$
  SELECT t.id, o.id, s.event_id, s.id, NULL::uuid, s.starts_at, s.ends_at,
         lower(coalesce(t.holder_email, o.buyer_email)),
         CASE WHEN t.holder_email IS NULL THEN o.buyer_name ELSE t.holder_name END,
         o.locale, o.created_at, s.cancelled OR e.status = 'cancelled'
    FROM event_sessions s
    JOIN events e ON e.id = s.event_id
    JOIN ticket_types tt ON tt.session_id = s.id
    JOIN tickets t ON t.ticket_type_id = tt.id AND t.status = 'valid'
    JOIN orders o ON o.id = t.order_id AND o.status = 'paid'
   WHERE (p_event_id IS NULL OR s.event_id = p_event_id)
     AND s.starts_at >= p_from AND s.starts_at < p_until
  UNION ALL
  SELECT t.id, o.id, r.event_id, NULL::uuid, b.id, b.starts_at, b.ends_at,
         lower(coalesce(t.holder_email, o.buyer_email)),
         CASE WHEN t.holder_email IS NULL THEN o.buyer_name ELSE t.holder_name END,
         o.locale, o.created_at, e.status = 'cancelled'
    FROM bookings b
    JOIN resources r ON r.id = b.resource_id
    JOIN events e ON e.id = r.event_id
    JOIN tickets t ON t.booking_id = b.id AND t.status = 'valid'
    JOIN orders o ON o.id = t.order_id AND o.status = 'paid'
   WHERE b.status = 'sold'
     AND (p_event_id IS NULL OR r.event_id = p_event_id)
     AND b.starts_at >= p_from AND b.starts_at < p_until
$$;
