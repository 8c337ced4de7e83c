CREATE OR REPLACE FUNCTION "order_reserve_tickets"(
  p_user uuid, p_event uuid, p_type_ids uuid[], p_quantities int[],
  p_reference text, p_hold_minutes int, p_max_held int, p_request_id text, p_locale text
) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_refusal jsonb;
  v_places int := (SELECT sum(q)::int FROM unnest(p_quantities) AS q);
  v_held int;
  v_order uuid;
  v_event uuid;
  v_total int;
  v_currency text;
  v_expires timestamptz;
BEGIN
  IF p_event IS NOT NULL AND NOT EXISTS (SELECT 1 FROM events WHERE id = p_event AND status = 'published') THEN
    RETURN jsonb_build_object('ok', false, 'code', 'event_not_found');
  END IF;
  v_refusal := order_ticket_refusal(p_event, p_type_ids, p_quantities);
  IF v_refusal IS NOT NULL AND NOT coalesce((v_refusal ->> 'mayFree')::boolean, false) THEN
    RETURN v_refusal - 'mayFree';
  END IF;
  v_held := user_held_places(p_user);
  IF v_held + v_places > p_max_held THEN
    RETURN jsonb_build_object('ok', false, 'code', 'hold_limit', 'held', v_held, 'limit', p_max_held);
  END IF;

  PERFORM 1 FROM ticket_types WHERE id = ANY(p_type_ids) ORDER BY id FOR UPDATE;
  v_refusal := order_ticket_refusal(p_event, p_type_ids, p_quantities);
  IF v_refusal IS NOT NULL AND (v_refusal ->> 'mayFree')::boolean THEN
    PERFORM release_expired_ticket_holds(p_type_ids);
    v_refusal := order_ticket_refusal(p_event, p_type_ids, p_quantities);
  END IF;
  IF v_refusal IS NOT NULL THEN RETURN v_refusal - 'mayFree'; END IF;

  SELECT s.event_id, tt.currency, sum(tt.price_minor * t.quantity)::int
    INTO v_event, v_currency, v_total
    FROM unnest(p_type_ids, p_quantities) AS t(id, quantity)
    JOIN ticket_types tt ON tt.id = t.id JOIN event_sessions s ON s.id = tt.session_id
   GROUP BY s.event_id, tt.currency;
  INSERT INTO orders (reference, user_id, event_id, total_minor, currency, hold_expires_at, locale)
  VALUES (p_reference, p_user, v_event, v_total, v_currency, now() + make_interval(mins => p_hold_minutes), p_locale)
  RETURNING id, hold_expires_at INTO v_order, v_expires;
  INSERT INTO order_items (order_id, ticket_type_id, quantity, unit_price_minor)
  SELECT v_order, t.id, t.quantity, tt.price_minor
    FROM unnest(p_type_ids, p_quantities) AS t(id, quantity) JOIN ticket_types tt ON tt.id = t.id;
  UPDATE ticket_types tt
     SET held = tt.held + t.quantity, next_hold_expiry = LEAST(tt.next_hold_expiry, v_expires)
    FROM unnest(p_type_ids, p_quantities) AS t(id, quantity)
   WHERE tt.id = t.id;

  IF v_total = 0 THEN
    PERFORM order_confirm_payment(v_order, 'free', NULL, p_request_id);
  END IF;
  RETURN jsonb_build_object('ok', true, 'id', v_order, 'reference', p_reference,
                            'status', CASE WHEN v_total = 0 THEN 'paid' ELSE 'pending' END,
                            'totalMinor', v_total, 'currency', v_currency, 'holdExpiresAt', v_expires);
END $$;
