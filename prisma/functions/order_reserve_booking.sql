CREATE OR REPLACE FUNCTION "order_reserve_booking"(
  p_user uuid, p_event uuid, p_resource uuid, p_start timestamptz, p_minutes int,
  p_reference text, p_hold_minutes int, p_max_held int, p_request_id text, p_locale text
) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_found record;
  v_resource resources%ROWTYPE;
  v_time_zone text;
  v_refusal jsonb;
  v_end timestamptz := p_start + make_interval(mins => p_minutes);
  v_held int;
  v_order uuid;
  v_total int;
  v_expires timestamptz;
BEGIN
  SELECT r AS resource, e.status, v.time_zone INTO v_found
    FROM resources r JOIN events e ON e.id = r.event_id JOIN venues v ON v.id = r.venue_id
   WHERE r.id = p_resource;
  IF p_event IS NOT NULL AND (NOT FOUND OR (v_found.resource).event_id <> p_event) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'not_in_event');
  END IF;
  IF NOT FOUND OR v_found.status <> 'published' THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  v_resource := v_found.resource;
  v_time_zone := v_found.time_zone;
  v_refusal := order_booking_refusal(v_resource, v_time_zone, p_start, p_minutes);
  IF v_refusal IS NOT NULL THEN RETURN v_refusal; END IF;
  -- A live booking overlaps: refused without a lock (a held one only counts while its hold lasts).
  IF EXISTS (SELECT 1 FROM bookings b JOIN orders o ON o.id = b.order_id
              WHERE b.resource_id = p_resource AND tstzrange(b.starts_at, b.ends_at) && tstzrange(p_start, v_end)
                AND (b.status = 'sold' OR (b.status = 'held' AND o.status = 'pending' AND o.hold_expires_at > now()))) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'taken');
  END IF;
  v_held := user_held_places(p_user);
  IF v_held + 1 > p_max_held THEN
    RETURN jsonb_build_object('ok', false, 'code', 'hold_limit', 'held', v_held, 'limit', p_max_held);
  END IF;

  -- Locked, the rules are read again: an admin may have changed them since the look above.
  SELECT * INTO v_resource FROM resources WHERE id = p_resource FOR UPDATE;
  v_refusal := order_booking_refusal(v_resource, v_time_zone, p_start, p_minutes);
  IF v_refusal IS NOT NULL THEN RETURN v_refusal; END IF;
  UPDATE bookings b SET status = 'released'
    FROM orders o
   WHERE b.order_id = o.id AND b.resource_id = p_resource AND b.status = 'held'
     AND tstzrange(b.starts_at, b.ends_at) && tstzrange(p_start, v_end)
     AND o.status = 'pending' AND o.hold_expires_at <= now();
  IF EXISTS (SELECT 1 FROM bookings WHERE resource_id = p_resource AND status IN ('held', 'sold')
                AND tstzrange(starts_at, ends_at) && tstzrange(p_start, v_end)) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'taken');
  END IF;

  v_total := (p_minutes / v_resource.slot_minutes) * v_resource.price_minor_per_slot;
  INSERT INTO orders (reference, user_id, event_id, total_minor, currency, hold_expires_at, locale)
  VALUES (p_reference, p_user, v_resource.event_id, v_total, v_resource.currency, now() + make_interval(mins => p_hold_minutes), p_locale)
  RETURNING id, hold_expires_at INTO v_order, v_expires;
  INSERT INTO bookings (resource_id, order_id, starts_at, ends_at) VALUES (p_resource, v_order, p_start, v_end);
  IF v_total = 0 THEN
    PERFORM order_confirm_payment(v_order, 'free', NULL, p_request_id);
  END IF;
  RETURN jsonb_build_object('ok', true, 'id', v_order, 'reference', p_reference,
                            'status', CASE WHEN v_total = 0 THEN 'paid' ELSE 'pending' END,
                            'totalMinor', v_total, 'currency', v_resource.currency, 'holdExpiresAt', v_expires);
END $$;
