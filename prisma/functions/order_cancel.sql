-- A buyer cancels (issue 29.1), in ONE call under the order's lock: the whole order
-- (p_tickets NULL) or some of its tickets, or a booking, under the event's cancellation policy.
--  - An unpaid order is simply given up: its held places go back, the order is `cancelled`.
--  - A paid one: the policy must allow it (`none` refuses), before its deadline
--    (cancellation_cutoff_hours before the earliest start among the tickets chosen), and no
--    chosen ticket may have been used at the door. The chosen tickets become void; their
--    places go back on sale at once (ticket_types.sold, the booking's range), or to the
--    waiting list's next in line; what they cost (a booking: the order's total) is refunded
--    less the policy's fee, rounded by percent_of_minor, as one refund row whose job pays it
--    through the provider. When no valid ticket is left, the order is `refund_required` (then
--    `refunded` once paid back); otherwise it stays `paid`.
-- Refusals are answered, not raised: not_found, closed (neither pending nor paid), not_allowed
-- (the policy), too_late (with `until`), ticket_not_found (a ticket not valid in this order),
-- checked_in. Lock order (ADR 0002): the order, its ticket types by id, its resources by id.
CREATE OR REPLACE FUNCTION "order_cancel"(p_order uuid, p_tickets uuid[], p_request_id text) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_order orders%ROWTYPE;
  v_policy cancellation_policy;
  v_cutoff int;
  v_fee_percent int;
  v_chosen uuid[];
  v_until timestamptz;
  v_base int;
  v_fee int;
  v_refund uuid;
  v_line record;
BEGIN
  SELECT * INTO v_order FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;

  IF v_order.status = 'pending' THEN
    IF p_tickets IS NOT NULL THEN RETURN jsonb_build_object('ok', false, 'code', 'closed', 'status', v_order.status); END IF;
    PERFORM order_lock_places(p_order);
    PERFORM order_give_back_holds(p_order);
    UPDATE bookings SET status = 'cancelled' WHERE order_id = p_order AND status = 'released';
    UPDATE orders SET status = 'cancelled' WHERE id = p_order;
    RETURN jsonb_build_object('ok', true, 'status', 'cancelled', 'cancelled', 0, 'refundMinor', 0, 'feeMinor', 0);
  END IF;
  IF v_order.status <> 'paid' THEN RETURN jsonb_build_object('ok', false, 'code', 'closed', 'status', v_order.status); END IF;

  SELECT cancellation_policy, cancellation_cutoff_hours, cancellation_fee_percent INTO v_policy, v_cutoff, v_fee_percent
    FROM events WHERE id = v_order.event_id;
  IF v_policy = 'none' THEN RETURN jsonb_build_object('ok', false, 'code', 'not_allowed'); END IF;

  SELECT array_agg(id ORDER BY id) INTO v_chosen FROM tickets
   WHERE order_id = p_order AND status = 'valid' AND (p_tickets IS NULL OR id = ANY (p_tickets));
  IF v_chosen IS NULL OR (p_tickets IS NOT NULL AND cardinality(v_chosen) <> (SELECT count(DISTINCT t) FROM unnest(p_tickets) t)) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'ticket_not_found');
  END IF;
  -- FOR UPDATE waits for a check-in committing right now (its row locks the ticket's key).
  PERFORM 1 FROM tickets WHERE id = ANY (v_chosen) ORDER BY id FOR UPDATE;
  IF EXISTS (SELECT 1 FROM check_ins WHERE ticket_id = ANY (v_chosen) AND undone_at IS NULL) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'checked_in');
  END IF;
  SELECT min(coalesce(s.starts_at, b.starts_at)) - make_interval(hours => v_cutoff) INTO v_until
    FROM tickets t LEFT JOIN ticket_types tt ON tt.id = t.ticket_type_id LEFT JOIN event_sessions s ON s.id = tt.session_id
    LEFT JOIN bookings b ON b.id = t.booking_id
   WHERE t.id = ANY (v_chosen);
  IF now() >= v_until THEN RETURN jsonb_build_object('ok', false, 'code', 'too_late', 'until', v_until); END IF;

  PERFORM order_lock_places(p_order);
  -- What the chosen places cost: each ticket its line's price; a booking, the order's total.
  SELECT coalesce(sum(CASE WHEN t.booking_id IS NOT NULL THEN v_order.total_minor
                           ELSE (SELECT oi.unit_price_minor FROM order_items oi
                                  WHERE oi.order_id = p_order AND oi.ticket_type_id = t.ticket_type_id AND oi.status = 'sold'
                                  ORDER BY oi.id LIMIT 1) END), 0)::int
    INTO v_base FROM tickets t WHERE t.id = ANY (v_chosen);
  -- Never more than the order still holds (a booking after an earlier partial refund).
  v_base := least(v_base, order_refundable_minor(p_order));
  v_fee := CASE WHEN v_policy = 'fee' THEN percent_of_minor(v_base, v_fee_percent) ELSE 0 END;

  -- The places go back: counts first, then the lines (a line keeps what it did not give back,
  -- and a cancelled line beside it records what it did).
  FOR v_line IN
    SELECT oi.id, oi.quantity, x.n FROM order_items oi
      JOIN (SELECT ticket_type_id, count(*)::int AS n FROM tickets
             WHERE id = ANY (v_chosen) AND ticket_type_id IS NOT NULL GROUP BY ticket_type_id) x ON x.ticket_type_id = oi.ticket_type_id
     WHERE oi.order_id = p_order AND oi.status = 'sold'
     ORDER BY oi.ticket_type_id
  LOOP
    UPDATE ticket_types SET sold = sold - v_line.n WHERE id = (SELECT ticket_type_id FROM order_items WHERE id = v_line.id);
    IF v_line.n >= v_line.quantity THEN
      UPDATE order_items SET status = 'cancelled' WHERE id = v_line.id;
    ELSE
      UPDATE order_items SET quantity = quantity - v_line.n WHERE id = v_line.id;
      INSERT INTO order_items (order_id, ticket_type_id, quantity, unit_price_minor, list_unit_price_minor, status)
      SELECT order_id, ticket_type_id, v_line.n, unit_price_minor, list_unit_price_minor, 'cancelled' FROM order_items WHERE id = v_line.id;
    END IF;
  END LOOP;
  UPDATE bookings SET status = 'cancelled' WHERE id IN (SELECT booking_id FROM tickets WHERE id = ANY (v_chosen));

  v_refund := order_owe_refund(p_order, v_base - v_fee, v_fee, 'cancelled', p_request_id);
  UPDATE tickets SET status = 'void', refund_id = v_refund WHERE id = ANY (v_chosen);
  IF NOT EXISTS (SELECT 1 FROM tickets WHERE order_id = p_order AND status = 'valid') THEN
    UPDATE orders SET status = 'refund_required' WHERE id = p_order;
  END IF;
  RETURN jsonb_build_object('ok', true, 'status', (SELECT status FROM orders WHERE id = p_order), 'cancelled', cardinality(v_chosen),
                            'refundId', v_refund, 'refundMinor', v_base - v_fee, 'feeMinor', v_fee);
END $$;
