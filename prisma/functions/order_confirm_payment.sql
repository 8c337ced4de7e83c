-- Confirms a payment (provider callback, webhook, browser return; or a free order at once).
-- Idempotent: only the first call changes anything. When the hold had expired and its places
-- are gone meanwhile, or the order was cancelled, the money goes back (`refund_required`).
-- Money that arrived is in the host's ledger either way (ledger_record_payment).
CREATE OR REPLACE FUNCTION "order_confirm_payment"(p_order uuid, p_provider text, p_payment_ref text, p_request_id text) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
  v_holder text;
  v_attendees jsonb;
  v_released_types uuid[];
  v_released_quantities int[];
  v_released_voucher_places int;
BEGIN
  SELECT status, buyer_name, attendees INTO v_status, v_holder, v_attendees FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF v_status = 'cancelled' THEN
    -- Money arrived for an order cancelled meanwhile: keep no one's money without tickets.
    UPDATE orders SET status = 'refund_required', payment_provider = p_provider, payment_ref = p_payment_ref WHERE id = p_order;
    PERFORM ledger_record_payment(p_order);
    PERFORM order_owe_refund(p_order, order_refundable_minor(p_order), 0, 'refunded', p_request_id);
    RETURN jsonb_build_object('outcome', 'refund_required', 'from', v_status);
  END IF;
  IF v_status NOT IN ('pending', 'expired') THEN
    RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status);
  END IF;

  PERFORM order_lock_places(p_order);
  -- Places given back when the hold expired can be taken again only if they are still free,
  -- within their quotas, and (for places a voucher covered) with uses left on the voucher.
  SELECT array_agg(ticket_type_id ORDER BY ticket_type_id), array_agg(quantity ORDER BY ticket_type_id), sum(voucher_places)::int
    INTO v_released_types, v_released_quantities, v_released_voucher_places
    FROM (SELECT ticket_type_id, sum(quantity)::int AS quantity,
                 sum(CASE WHEN list_unit_price_minor IS NOT NULL THEN quantity ELSE 0 END) AS voucher_places
            FROM order_items WHERE order_id = p_order AND status = 'released' GROUP BY ticket_type_id) x;
  IF (v_released_types IS NOT NULL AND order_quota_refusal(v_released_types, v_released_quantities) IS NOT NULL)
     OR (coalesce(v_released_voucher_places, 0) > 0
         AND order_voucher_refusal((SELECT jsonb_build_object('email', buyer_email) FROM orders WHERE id = p_order), (SELECT voucher_id FROM orders WHERE id = p_order), v_released_voucher_places) IS NOT NULL)
     OR EXISTS (SELECT 1
               FROM (SELECT ticket_type_id, sum(quantity)::int AS quantity FROM order_items
                      WHERE order_id = p_order AND status = 'released' GROUP BY ticket_type_id) x
               JOIN ticket_types tt ON tt.id = x.ticket_type_id
              WHERE tt.capacity - tt.sold - tt.held < x.quantity)
     OR EXISTS (SELECT 1 FROM bookings b JOIN bookings other
                    ON other.resource_id = b.resource_id AND other.id <> b.id AND other.status IN ('held', 'sold')
                   AND tstzrange(other.starts_at, other.ends_at) && tstzrange(b.starts_at, b.ends_at)
                 WHERE b.order_id = p_order AND b.status = 'released') THEN
    PERFORM order_give_back_holds(p_order);
    UPDATE orders SET status = 'refund_required', payment_provider = p_provider, payment_ref = p_payment_ref WHERE id = p_order;
    PERFORM ledger_record_payment(p_order);
    PERFORM order_owe_refund(p_order, order_refundable_minor(p_order), 0, 'places_gone', p_request_id);
    RETURN jsonb_build_object('outcome', 'refund_required', 'from', v_status);
  END IF;

  UPDATE ticket_types tt
     SET sold = tt.sold + x.quantity, held = tt.held - x.held_quantity
    FROM (SELECT ticket_type_id, sum(quantity)::int AS quantity,
                 sum(CASE WHEN status = 'held' THEN quantity ELSE 0 END)::int AS held_quantity
            FROM order_items WHERE order_id = p_order GROUP BY ticket_type_id) x
   WHERE tt.id = x.ticket_type_id;
  UPDATE order_items SET status = 'sold' WHERE order_id = p_order;
  UPDATE bookings SET status = 'sold' WHERE order_id = p_order;
  UPDATE orders SET status = 'paid', paid_at = now(), payment_provider = p_provider, payment_ref = p_payment_ref WHERE id = p_order;
  -- The host's ledger: the payment and the platform's fee, in this transaction (docs/decisions/0020).
  PERFORM ledger_record_payment(p_order);
  -- Each ticket: a random key (code, in the signed QR), a short code to type at the door, and
  -- its holder: the n-th attendee given for its type (a booking's: the one without a type),
  -- else the buyer.
  INSERT INTO tickets (order_id, ticket_type_id, booking_id, code, short_code, holder_name, holder_email, answers)
  SELECT p_order, places.ticket_type_id, places.booking_id, new_ticket_code(), new_ticket_short_code(),
         coalesce(nullif(a.attendee ->> 'name', ''), v_holder), nullif(a.attendee ->> 'email', ''), coalesce(a.attendee -> 'answers', '{}')
    FROM (SELECT oi.ticket_type_id, NULL::uuid AS booking_id, n
            FROM order_items oi CROSS JOIN LATERAL generate_series(1, oi.quantity) n
           WHERE oi.order_id = p_order
          UNION ALL
          SELECT NULL::uuid, b.id, 1 FROM bookings b WHERE b.order_id = p_order) places
    LEFT JOIN LATERAL (
      SELECT x.attendee FROM jsonb_array_elements(v_attendees) WITH ORDINALITY AS x(attendee, i)
       WHERE (x.attendee ->> 'ticketTypeId')::uuid IS NOT DISTINCT FROM places.ticket_type_id
       ORDER BY x.i OFFSET places.n - 1 LIMIT 1) a ON true;
  PERFORM order_enqueue_job('deliver_order', p_order, p_request_id);
  -- A holder the buyer gave an email for gets their own ticket too (issue 27.3).
  PERFORM jobs_enqueue('deliver_ticket', jsonb_build_object('ticketId', t.id::text, 'requestId', p_request_id), 'deliver_ticket:' || t.id)
     FROM tickets t JOIN orders o ON o.id = t.order_id
    WHERE t.order_id = p_order AND t.holder_email IS NOT NULL AND t.holder_email <> o.buyer_email;
  RETURN jsonb_build_object('outcome', 'paid', 'from', v_status);
END $$;
