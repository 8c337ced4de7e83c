-- Why a quoted booking no longer holds, or NULL: the resource or its event is gone from sale,
-- not the event the buyer's path named, its rules or price are not the ones quoted
-- (`rules_changed`, `price_changed`: the buyer chooses again, nothing is charged silently), or
-- the start has passed meanwhile. The rules themselves live in lib/orders/quote.ts.
CREATE OR REPLACE FUNCTION "order_quoted_booking_refusal"(p_quote jsonb) RETURNS jsonb
  LANGUAGE plpgsql STABLE AS $$
DECLARE
  v_found record;
  v_rules jsonb := p_quote -> 'rules';
BEGIN
  SELECT r.*, e.status AS event_status, e.host_id AS event_host_id, v.time_zone INTO v_found
    FROM resources r JOIN events e ON e.id = r.event_id JOIN venues v ON v.id = r.venue_id
   WHERE r.id = (p_quote ->> 'resourceId')::uuid;
  IF coalesce((p_quote ->> 'eventNamed')::boolean, false) AND (NOT FOUND OR v_found.event_id <> (p_quote ->> 'eventId')::uuid) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'not_in_event');
  END IF;
  IF NOT FOUND OR v_found.event_status <> 'published' THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  -- A host without a Stripe account that may take charges sells nothing (docs/decisions/0020).
  IF NOT host_takes_payments(v_found.event_host_id) THEN RETURN jsonb_build_object('ok', false, 'code', 'not_on_sale', 'name', v_found.name); END IF;
  IF (v_found.slot_minutes, v_found.min_minutes, v_found.max_minutes, v_found.opens_minute, v_found.closes_minute, v_found.time_zone)
     IS DISTINCT FROM ((v_rules ->> 'slotMinutes')::int, (v_rules ->> 'minMinutes')::int, (v_rules ->> 'maxMinutes')::int,
                       (v_rules ->> 'opensMinute')::int, (v_rules ->> 'closesMinute')::int, v_rules ->> 'timeZone') THEN
    RETURN jsonb_build_object('ok', false, 'code', 'rules_changed');
  END IF;
  IF (v_found.price_minor_per_slot, v_found.currency) IS DISTINCT FROM ((p_quote ->> 'unitPriceMinor')::int, p_quote ->> 'currency') THEN
    RETURN jsonb_build_object('ok', false, 'code', 'price_changed', 'priceMinor', v_found.price_minor_per_slot, 'currency', v_found.currency, 'name', v_found.name);
  END IF;
  IF (p_quote ->> 'start')::timestamptz <= now() THEN RETURN jsonb_build_object('ok', false, 'code', 'in_past'); END IF;
  RETURN NULL;
END $$;
