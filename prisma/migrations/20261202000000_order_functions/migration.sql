-- Every order transition as ONE call into PostgreSQL (docs/decisions/0006-order-functions.md).
-- Each function keeps the lock order of docs/decisions/0002-lock-order.md: the order row, then
-- ticket types by id, then resources by id, then everything else. The CHECK and EXCLUDE
-- constraints of the init migration stay as backstops. Expected refusals (sold out, taken…)
-- are returned as jsonb `{"ok": false, "code": …}` BEFORE anything is written, never raised,
-- so a refusal costs no rollback; lib/orders turns them into OrderErrors.

-- No held place of this type expires before this moment (NULL: nothing held). A lower bound,
-- not the exact minimum: new holds lower it, and it is recomputed only when it has passed.
-- It lets a purchase refuse "sold out" without a lock or a scan of the holds: when it lies in
-- the future, no expired hold can be given back, so the remaining count is the truth.
ALTER TABLE "ticket_types" ADD COLUMN "next_hold_expiry" TIMESTAMPTZ(3);

-- Pending orders by expiry, for giving back expired holds (a partial index: only pending orders).
CREATE INDEX "orders_pending_hold_expiry_idx" ON "orders"("hold_expires_at") WHERE "status" = 'pending';

-- 160 random bits, URL-safe (27 characters, like lib/orders/codes.ts once made them).
CREATE FUNCTION "new_ticket_code"() RETURNS text
  LANGUAGE sql VOLATILE AS $$
  SELECT left(translate(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), '+/', '-_'), 27)
$$;

-- The queue's one way in (lib/jobs): a job commits with the change that needs it, or not at
-- all (a transactional outbox). The unique key makes enqueueing twice harmless.
CREATE FUNCTION "jobs_enqueue"(p_kind text, p_payload jsonb, p_unique_key text, p_run_at timestamptz DEFAULT now()) RETURNS void
  LANGUAGE sql AS $$
  INSERT INTO jobs (kind, payload, unique_key, run_at) VALUES (p_kind, p_payload, p_unique_key, p_run_at)
  ON CONFLICT (unique_key) DO NOTHING
$$;

CREATE FUNCTION "order_job_payload"(p_order uuid, p_request_id text) RETURNS jsonb
  LANGUAGE sql IMMUTABLE AS $$ SELECT jsonb_build_object('orderId', p_order::text, 'requestId', p_request_id) $$;

-- Step 2 and 3 of the lock order for one order: its ticket types by id, then its resources by id.
CREATE FUNCTION "order_lock_places"(p_order uuid) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM ticket_types WHERE id IN (SELECT ticket_type_id FROM order_items WHERE order_id = p_order) ORDER BY id FOR UPDATE;
  PERFORM 1 FROM resources WHERE id IN (SELECT resource_id FROM bookings WHERE order_id = p_order) ORDER BY id FOR UPDATE;
END $$;

-- The order's held places go back on sale (its places must be locked by the caller).
CREATE FUNCTION "order_give_back_holds"(p_order uuid) RETURNS void
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ticket_types tt SET held = tt.held - x.quantity
    FROM (SELECT ticket_type_id, sum(quantity)::int AS quantity FROM order_items
           WHERE order_id = p_order AND status = 'held' GROUP BY ticket_type_id) x
   WHERE tt.id = x.ticket_type_id;
  UPDATE order_items SET status = 'released' WHERE order_id = p_order AND status = 'held';
  UPDATE bookings SET status = 'released' WHERE order_id = p_order AND status = 'held';
END $$;

-- Gives back the places of expired holds on these ticket types (locked here, in id order; a
-- caller that holds the locks already loses nothing). The order stays `pending`: a late
-- payment may still take its places back if they are free. Returns the places given back.
CREATE FUNCTION "release_expired_ticket_holds"(p_type_ids uuid[]) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_places int;
BEGIN
  PERFORM 1 FROM ticket_types WHERE id = ANY(p_type_ids) ORDER BY id FOR UPDATE;
  WITH released AS (
    UPDATE order_items oi SET status = 'released'
      FROM orders o
     WHERE oi.order_id = o.id AND oi.ticket_type_id = ANY(p_type_ids) AND oi.status = 'held'
       AND o.status = 'pending' AND o.hold_expires_at <= now()
    RETURNING oi.ticket_type_id, oi.quantity
  ), totals AS (
    SELECT ticket_type_id, sum(quantity)::int AS quantity FROM released GROUP BY ticket_type_id
  ), changed AS (
    UPDATE ticket_types tt SET held = tt.held - totals.quantity FROM totals WHERE tt.id = totals.ticket_type_id
    RETURNING totals.quantity
  )
  SELECT coalesce(sum(quantity), 0)::int INTO v_places FROM changed;
  -- The holds left are all live: the earliest of them is the new bound.
  UPDATE ticket_types tt
     SET next_hold_expiry = (SELECT min(o.hold_expires_at) FROM order_items oi JOIN orders o ON o.id = oi.order_id
                              WHERE oi.ticket_type_id = tt.id AND oi.status = 'held' AND o.status = 'pending')
   WHERE tt.id = ANY(p_type_ids);
  RETURN v_places;
END $$;

-- The same for the bookings of one resource (locked here).
CREATE FUNCTION "release_expired_booking_holds"(p_resource uuid) RETURNS int
  LANGUAGE plpgsql AS $$
DECLARE
  v_count int;
BEGIN
  PERFORM 1 FROM resources WHERE id = p_resource FOR UPDATE;
  UPDATE bookings b SET status = 'released'
    FROM orders o
   WHERE b.order_id = o.id AND b.resource_id = p_resource AND b.status = 'held'
     AND o.status = 'pending' AND o.hold_expires_at <= now();
  GET DIAGNOSTICS v_count = ROW_COUNT;
  RETURN v_count;
END $$;

-- Places a buyer holds unpaid right now, over all their pending orders (a booking is one place).
CREATE FUNCTION "user_held_places"(p_user uuid) RETURNS int
  LANGUAGE sql STABLE AS $$
  SELECT (SELECT coalesce(sum(oi.quantity), 0) FROM orders o JOIN order_items oi ON oi.order_id = o.id
           WHERE o.user_id = p_user AND o.status = 'pending' AND o.hold_expires_at > now() AND oi.status = 'held')::int
       + (SELECT count(*) FROM orders o JOIN bookings b ON b.order_id = o.id
           WHERE o.user_id = p_user AND o.status = 'pending' AND o.hold_expires_at > now() AND b.status = 'held')::int
$$;

-- Why these tickets cannot be held now, or NULL when they can. Reads without locking; called
-- again after the locks are taken, when its answer is the truth (each statement of a
-- function sees what committed before it started). p_type_ids: distinct and sorted,
-- p_quantities > 0 (lib/orders/reserve-tickets.ts normalises them). `mayFree`: the shortage
-- could go away by giving back expired holds.
CREATE FUNCTION "order_ticket_refusal"(p_event uuid, p_type_ids uuid[], p_quantities int[]) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  r record;
  v_session uuid;
  v_currency text;
  v_short jsonb;
  v_may_free boolean := false;
BEGIN
  FOR r IN
    SELECT t.id, t.quantity, tt.id AS found, tt.name, tt.session_id, s.event_id, tt.currency,
           tt.capacity - tt.sold - tt.held AS remaining, tt.next_hold_expiry,
           (s.cancelled OR s.ends_at <= now()) AS gone,
           (e.status = 'published' AND NOT s.cancelled AND s.starts_at > now()) AS on_sale
      FROM unnest(p_type_ids, p_quantities) WITH ORDINALITY AS t(id, quantity, position)
      LEFT JOIN ticket_types tt ON tt.id = t.id
      LEFT JOIN event_sessions s ON s.id = tt.session_id
      LEFT JOIN events e ON e.id = s.event_id
     ORDER BY t.position
  LOOP
    IF r.found IS NULL THEN
      RETURN jsonb_build_object('ok', false, 'code', 'not_found', 'ticketTypeId', r.id);
    END IF;
    IF p_event IS NOT NULL AND (r.event_id <> p_event OR r.gone) THEN
      RETURN jsonb_build_object('ok', false, 'code', 'not_in_event', 'ticketTypeId', r.id);
    END IF;
    IF NOT r.on_sale THEN
      RETURN jsonb_build_object('ok', false, 'code', 'not_on_sale', 'ticketTypeId', r.id, 'name', r.name);
    END IF;
    IF r.quantity > r.remaining THEN
      v_short := coalesce(v_short, jsonb_build_object('ok', false, 'code', CASE WHEN r.remaining <= 0 THEN 'sold_out' ELSE 'not_enough' END,
                                                      'ticketTypeId', r.id, 'name', r.name, 'remaining', greatest(r.remaining, 0)));
      v_may_free := v_may_free OR coalesce(r.next_hold_expiry <= now(), false);
    END IF;
    IF v_session IS NOT NULL AND v_session <> r.session_id THEN
      RETURN jsonb_build_object('ok', false, 'code', 'several_sessions');
    END IF;
    IF v_currency IS NOT NULL AND v_currency <> r.currency THEN
      RETURN jsonb_build_object('ok', false, 'code', 'several_currencies');
    END IF;
    v_session := r.session_id;
    v_currency := r.currency;
  END LOOP;
  IF v_short IS NOT NULL THEN RETURN v_short || jsonb_build_object('mayFree', v_may_free); END IF;
  RETURN NULL;
END $$;

-- Confirms a payment (provider callback, webhook, browser return; or a free order at once).
-- Idempotent: only the first call changes anything. When the hold had expired and its places
-- are gone meanwhile, or the order was cancelled, the money goes back (`refund_required`).
CREATE FUNCTION "order_confirm_payment"(p_order uuid, p_provider text, p_payment_ref text, p_request_id text) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
  v_user uuid;
BEGIN
  SELECT status, user_id INTO v_status, v_user FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF v_status = 'cancelled' THEN
    -- Money arrived for an order cancelled meanwhile: keep no one's money without tickets.
    UPDATE orders SET status = 'refund_required', payment_provider = p_provider, payment_ref = p_payment_ref WHERE id = p_order;
    PERFORM jobs_enqueue('refund_order', order_job_payload(p_order, p_request_id), 'refund_order:' || p_order);
    RETURN jsonb_build_object('outcome', 'refund_required', 'from', v_status);
  END IF;
  IF v_status NOT IN ('pending', 'expired') THEN
    RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status);
  END IF;

  PERFORM order_lock_places(p_order);
  -- Places given back when the hold expired can be taken again only if they are still free.
  IF EXISTS (SELECT 1
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
    PERFORM jobs_enqueue('refund_order', order_job_payload(p_order, p_request_id), 'refund_order:' || p_order);
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
  INSERT INTO tickets (order_id, ticket_type_id, booking_id, code, holder_name)
  SELECT p_order, places.ticket_type_id, places.booking_id, new_ticket_code(), u.name
    FROM (SELECT oi.ticket_type_id, NULL::uuid AS booking_id
            FROM order_items oi CROSS JOIN LATERAL generate_series(1, oi.quantity)
           WHERE oi.order_id = p_order
          UNION ALL
          SELECT NULL::uuid, b.id FROM bookings b WHERE b.order_id = p_order) places
    CROSS JOIN (SELECT name FROM users WHERE id = v_user) u;
  PERFORM jobs_enqueue('deliver_order', order_job_payload(p_order, p_request_id), 'deliver_order:' || p_order);
  RETURN jsonb_build_object('outcome', 'paid', 'from', v_status);
END $$;

-- Holds tickets for a buyer in ONE call: refuse without a lock when it cannot succeed (not
-- on sale, sold out with no expired hold to give back, over the buyer's hold limit); else lock
-- the ticket types in id order, give back expired holds only if places are short, check
-- again, write the pending order, its lines and the held counts. A free order is confirmed
-- at once. p_event: the event the API path names (NULL from the checkout forms).
CREATE FUNCTION "order_reserve_tickets"(
  p_user uuid, p_event uuid, p_type_ids uuid[], p_quantities int[],
  p_reference text, p_hold_minutes int, p_max_held int, p_request_id text
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
  INSERT INTO orders (reference, user_id, event_id, total_minor, currency, hold_expires_at)
  VALUES (p_reference, p_user, v_event, v_total, v_currency, now() + make_interval(mins => p_hold_minutes))
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

-- Holds a time range of a bookable experience in ONE call. The booking rules (opening hours,
-- slot alignment, lengths) are checked by lib/orders/booking-rules.ts on the resource as it
-- read it; p_rules is what it read (opens, closes, slot, min, max, price per slot), and a
-- resource changed since then is answered `changed` (the caller reads again). Refuses a range
-- that overlaps a live booking without a lock; else locks the resource row, gives back
-- expired holds in the range, checks the overlap again and writes the order and the booking.
CREATE FUNCTION "order_reserve_booking"(
  p_user uuid, p_event uuid, p_resource uuid, p_start timestamptz, p_end timestamptz, p_rules int[],
  p_reference text, p_hold_minutes int, p_max_held int, p_request_id text
) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_resource resources%ROWTYPE;
  v_held int;
  v_order uuid;
  v_total int;
  v_expires timestamptz;
BEGIN
  SELECT r.* INTO v_resource FROM resources r JOIN events e ON e.id = r.event_id
   WHERE r.id = p_resource AND e.status = 'published' AND (p_event IS NULL OR r.event_id = p_event);
  IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'not_found'); END IF;
  IF ARRAY[v_resource.opens_minute, v_resource.closes_minute, v_resource.slot_minutes, v_resource.min_minutes,
           v_resource.max_minutes, v_resource.price_minor_per_slot] IS DISTINCT FROM p_rules THEN
    RETURN jsonb_build_object('ok', false, 'code', 'changed');
  END IF;
  -- A live booking overlaps: refused without a lock (a held one only counts while its hold lasts).
  IF EXISTS (SELECT 1 FROM bookings b JOIN orders o ON o.id = b.order_id
              WHERE b.resource_id = p_resource AND tstzrange(b.starts_at, b.ends_at) && tstzrange(p_start, p_end)
                AND (b.status = 'sold' OR (b.status = 'held' AND o.status = 'pending' AND o.hold_expires_at > now()))) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'taken');
  END IF;
  v_held := user_held_places(p_user);
  IF v_held + 1 > p_max_held THEN
    RETURN jsonb_build_object('ok', false, 'code', 'hold_limit', 'held', v_held, 'limit', p_max_held);
  END IF;

  PERFORM 1 FROM resources WHERE id = p_resource FOR UPDATE;
  UPDATE bookings b SET status = 'released'
    FROM orders o
   WHERE b.order_id = o.id AND b.resource_id = p_resource AND b.status = 'held'
     AND tstzrange(b.starts_at, b.ends_at) && tstzrange(p_start, p_end)
     AND o.status = 'pending' AND o.hold_expires_at <= now();
  IF EXISTS (SELECT 1 FROM bookings WHERE resource_id = p_resource AND status IN ('held', 'sold')
                AND tstzrange(starts_at, ends_at) && tstzrange(p_start, p_end)) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'taken');
  END IF;

  v_total := (extract(epoch FROM p_end - p_start)::int / 60 / v_resource.slot_minutes) * v_resource.price_minor_per_slot;
  INSERT INTO orders (reference, user_id, event_id, total_minor, currency, hold_expires_at)
  VALUES (p_reference, p_user, v_resource.event_id, v_total, v_resource.currency, now() + make_interval(mins => p_hold_minutes))
  RETURNING id, hold_expires_at INTO v_order, v_expires;
  INSERT INTO bookings (resource_id, order_id, starts_at, ends_at) VALUES (p_resource, v_order, p_start, p_end);
  IF v_total = 0 THEN
    PERFORM order_confirm_payment(v_order, 'free', NULL, p_request_id);
  END IF;
  RETURN jsonb_build_object('ok', true, 'id', v_order, 'reference', p_reference,
                            'status', CASE WHEN v_total = 0 THEN 'paid' ELSE 'pending' END,
                            'totalMinor', v_total, 'currency', v_resource.currency, 'holdExpiresAt', v_expires);
END $$;

-- pending → expired: the buyer walked away or the payment failed; the held places go back now.
CREATE FUNCTION "order_release"(p_order uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
BEGIN
  SELECT status INTO v_status FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF v_status <> 'pending' THEN RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status); END IF;
  PERFORM order_lock_places(p_order);
  PERFORM order_give_back_holds(p_order);
  UPDATE orders SET status = 'expired' WHERE id = p_order;
  RETURN jsonb_build_object('outcome', 'expired', 'from', v_status);
END $$;

-- pending | expired → cancelled: an unpaid order of a cancelled event. `cancelled`, not
-- `expired`, so a payment that still arrives is refunded instead of taking places back.
CREATE FUNCTION "order_cancel_unpaid"(p_order uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
BEGIN
  SELECT status INTO v_status FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF v_status NOT IN ('pending', 'expired') THEN RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status); END IF;
  PERFORM order_lock_places(p_order);
  PERFORM order_give_back_holds(p_order);
  UPDATE orders SET status = 'cancelled' WHERE id = p_order;
  RETURN jsonb_build_object('outcome', 'cancelled', 'from', v_status);
END $$;

-- paid → refund_required: a full refund (an admin's, or the event was cancelled). Places go
-- back on sale, tickets stop being valid, and the refund job commits with the change.
CREATE FUNCTION "order_refund"(p_order uuid, p_request_id text) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
BEGIN
  SELECT status INTO v_status FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF v_status <> 'paid' THEN RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status); END IF;
  PERFORM order_lock_places(p_order);
  UPDATE ticket_types tt SET sold = tt.sold - x.quantity
    FROM (SELECT ticket_type_id, sum(quantity)::int AS quantity FROM order_items
           WHERE order_id = p_order AND status = 'sold' GROUP BY ticket_type_id) x
   WHERE tt.id = x.ticket_type_id;
  UPDATE order_items SET status = 'cancelled' WHERE order_id = p_order AND status = 'sold';
  UPDATE bookings SET status = 'cancelled' WHERE order_id = p_order AND status IN ('held', 'sold');
  UPDATE tickets SET status = 'void' WHERE order_id = p_order;
  UPDATE orders SET status = 'refund_required' WHERE id = p_order;
  PERFORM jobs_enqueue('refund_order', order_job_payload(p_order, p_request_id), 'refund_order:' || p_order);
  RETURN jsonb_build_object('outcome', 'refund_required', 'from', v_status);
END $$;

-- An attendee cancels their own booking before it starts: pending → cancelled, or
-- paid → refund_required (with the refund job). The range is free again at once.
CREATE FUNCTION "order_cancel_booking"(p_order uuid, p_user uuid, p_request_id text) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
  v_owner uuid;
  v_next order_status;
BEGIN
  SELECT status, user_id INTO v_status, v_owner FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND OR v_owner <> p_user THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF NOT EXISTS (SELECT 1 FROM bookings WHERE order_id = p_order) THEN RETURN jsonb_build_object('outcome', 'not_a_booking'); END IF;
  IF v_status NOT IN ('pending', 'paid') THEN RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status); END IF;
  IF EXISTS (SELECT 1 FROM bookings WHERE order_id = p_order AND starts_at <= now()) THEN
    RETURN jsonb_build_object('outcome', 'started');
  END IF;
  PERFORM order_lock_places(p_order);
  UPDATE bookings SET status = 'cancelled' WHERE order_id = p_order;
  UPDATE tickets SET status = 'void' WHERE order_id = p_order;
  v_next := CASE WHEN v_status = 'paid' THEN 'refund_required' ELSE 'cancelled' END;
  UPDATE orders SET status = v_next WHERE id = p_order;
  IF v_next = 'refund_required' THEN
    PERFORM jobs_enqueue('refund_order', order_job_payload(p_order, p_request_id), 'refund_order:' || p_order);
  END IF;
  RETURN jsonb_build_object('outcome', v_next, 'from', v_status);
END $$;

-- refund_required → refunded: the provider gave the money back (lib/jobs refund handler).
CREATE FUNCTION "order_mark_refunded"(p_order uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_status order_status;
BEGIN
  SELECT status INTO v_status FROM orders WHERE id = p_order FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('outcome', 'not_found'); END IF;
  IF v_status <> 'refund_required' THEN RETURN jsonb_build_object('outcome', 'unchanged', 'status', v_status); END IF;
  UPDATE orders SET status = 'refunded' WHERE id = p_order;
  RETURN jsonb_build_object('outcome', 'refunded', 'from', v_status);
END $$;

-- A hold cut short (a payment network's "late" test path, an operator's fix) keeps the bound
-- true: the bound may only ever be at or before the real earliest expiry. Order row first,
-- then its ticket types: the lock order of docs/decisions/0002.
CREATE FUNCTION "orders_keep_hold_expiry_bound"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE ticket_types tt SET next_hold_expiry = LEAST(tt.next_hold_expiry, NEW.hold_expires_at)
   WHERE tt.id IN (SELECT ticket_type_id FROM order_items WHERE order_id = NEW.id AND status = 'held')
     AND (tt.next_hold_expiry IS NULL OR tt.next_hold_expiry > NEW.hold_expires_at);
  RETURN NULL;
END $$;

CREATE TRIGGER "orders_keep_hold_expiry_bound"
  AFTER UPDATE OF "hold_expires_at" ON "orders"
  FOR EACH ROW WHEN (NEW."hold_expires_at" < OLD."hold_expires_at" AND NEW."status" = 'pending')
  EXECUTE FUNCTION "orders_keep_hold_expiry_bound"();

-- Holds live before this migration: their ticket types get a bound now.
UPDATE ticket_types tt
   SET next_hold_expiry = (SELECT min(o.hold_expires_at) FROM order_items oi JOIN orders o ON o.id = oi.order_id
                            WHERE oi.ticket_type_id = tt.id AND oi.status = 'held' AND o.status = 'pending');
