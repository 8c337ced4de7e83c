-- May ticket type p_type be offered to the waiting list now: its event published, its session
-- neither cancelled nor started, its sale not ended (order_ticket_refusal's rule for a buyer).
CREATE OR REPLACE FUNCTION "waitlist_type_on_sale"(p_type uuid) RETURNS boolean
  LANGUAGE sql STABLE AS $$
  SELECT coalesce((SELECT e.status = 'published' AND NOT s.cancelled AND s.starts_at > now() AND (tt.sales_end IS NULL OR now() < tt.sales_end)
                     FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id JOIN events e ON e.id = s.event_id
                    WHERE tt.id = p_type), false)
$$;
