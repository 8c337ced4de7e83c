-- Changes who a ticket is for (issue 27.3), in ONE call under the order's lock: the buyer may
-- do so until the event's cutoff (holder_change_cutoff_minutes before the start). A change
-- re-issues the ticket: the old row becomes void (refused at the door online at once; offline
-- after the door list's next sync, which lists void tickets) and a new row, with a new id (so a
-- new signed code) and a new short code, takes the place, keeping its answers and its place in
-- the order. A new holder with an email gets the ticket by email (`deliver_ticket`).
-- Refusals are answered, not raised: not_found, not_paid, transfers_forbidden (the event does not
-- let tickets be passed on), void (already re-issued: change the new one), checked_in, too_late
-- (with `until`), unchanged (nothing to do).
CREATE OR REPLACE FUNCTION "ticket_change_holder"(p_order uuid, p_ticket uuid, p_name text, p_email text, p_request_id text) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
  v_cutoff int;
  v_forbidden boolean;
  v_ticket tickets%ROWTYPE;
  v_starts timestamptz;
  v_until timestamptz;
  v_new uuid;
BEGIN
  SELECT o.status, e.holder_change_cutoff_minutes, e.transfers_forbidden INTO v_status, v_cutoff, v_forbidden
    FROM orders o JOIN events e ON e.id = o.event_id WHERE o.id = p_order FOR UPDATE OF o;
  IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  SELECT * INTO v_ticket FROM tickets WHERE id = p_ticket AND order_id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  IF v_status <> 'paid' THEN RETURN jsonb_build_object('ok', false, 'code', 'not_paid'); END IF;
  IF v_forbidden THEN RETURN jsonb_build_object('ok', false, 'code', 'transfers_forbidden'); END IF;
  IF v_ticket.status = 'void' THEN
    RETURN jsonb_build_object('ok', false, 'code', 'void', 'reissuedAs', (SELECT id FROM tickets WHERE reissued_from = p_ticket));
  END IF;
  IF EXISTS (SELECT 1 FROM check_ins WHERE ticket_id = p_ticket AND undone_at IS NULL) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'checked_in');
  END IF;
  SELECT coalesce(s.starts_at, b.starts_at) INTO v_starts
    FROM tickets t LEFT JOIN ticket_types tt ON tt.id = t.ticket_type_id LEFT JOIN event_sessions s ON s.id = tt.session_id
    LEFT JOIN bookings b ON b.id = t.booking_id WHERE t.id = p_ticket;
  v_until := v_starts - make_interval(mins => v_cutoff);
  IF now() >= v_until THEN RETURN jsonb_build_object('ok', false, 'code', 'too_late', 'until', v_until); END IF;
  IF v_ticket.holder_name = p_name AND v_ticket.holder_email IS NOT DISTINCT FROM p_email THEN
    RETURN jsonb_build_object('ok', false, 'code', 'unchanged', 'ticketId', p_ticket);
  END IF;

  UPDATE tickets SET status = 'void' WHERE id = p_ticket;
  -- The same created_at keeps the ticket's place ("2 of 3") in the order's list and PDF.
  INSERT INTO tickets (order_id, ticket_type_id, booking_id, code, short_code, holder_name, holder_email, answers, reissued_from, created_at)
  VALUES (p_order, v_ticket.ticket_type_id, v_ticket.booking_id, new_ticket_code(), new_ticket_short_code(), p_name, p_email,
          v_ticket.answers, p_ticket, v_ticket.created_at)
  RETURNING id INTO v_new;
  IF p_email IS NOT NULL THEN
    PERFORM jobs_enqueue('deliver_ticket', jsonb_build_object('ticketId', v_new::text, 'requestId', p_request_id), 'deliver_ticket:' || v_new);
  END IF;
  RETURN jsonb_build_object('ok', true, 'ticketId', v_new, 'shortCode', (SELECT short_code FROM tickets WHERE id = v_new), 'until', v_until);
END $$;
