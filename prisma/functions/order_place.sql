-- The commit of a quote (lib/orders/quote.ts → lib/orders/place-order.ts), in ONE call: re-checks
-- what the buyer was quoted under the locks of docs/decisions/0002 (the buyer, then ticket
-- types by id, then the resource), refusing before any write; then writes the pending order, its
-- lines or its booking, and counts the places as held. A free order is confirmed at once
-- (tickets issued, delivery queued in the same transaction).
--   p_buyer: {"kind": "account", "userId"} (lib/orders/buyer.ts), kept on the order as its
--   email and name (order_buyer).
--   p_quote: {"kind": "tickets", "eventId", "eventNamed", "currency", "totalMinor",
--             "lines": [{"ticketTypeId", "quantity", "unitPriceMinor"}, …] (distinct ids, sorted)}
--         or {"kind": "booking", "eventId", "eventNamed", "resourceId", "start", "minutes",
--             "rules": {…}, "unitPriceMinor", "currency", "totalMinor"} (a booking may carry
--             "waitlistEntryId": the waiting-list offer for its range it takes, docs/decisions/0021);
--         tickets may carry "voucherId" (issue 28: its prices are checked, its uses counted, under
--         its lock); both with "attendees" (one per place, checked by the quote: {ticketTypeId, name, email,
--         answers}) and "answers" (asked once per order), kept on the order until its tickets
--         are issued (order_confirm_payment).
--   eventNamed: the caller named the event (the JSON API's path), so a type or resource of
--   another event, or of a session that is over, is `not_in_event`.
--   p_request_key: the request's key (NULL: none). A request that already made an order gets
--   that order back (`replayed`), looked up first without a lock and again under the buyer's
--   lock, so a retry after a lost answer, or the same form posted twice at once, buys once.
--   p_access_token_hash: the SHA-256 of a new private link to the order (lib/orders/order-access.ts),
--   kept for the order made, or for the one a retry gets back.
CREATE OR REPLACE FUNCTION "order_place"(
  p_buyer jsonb, p_quote jsonb, p_reference text, p_hold_minutes int, p_max_held int, p_request_id text, p_locale text,
  p_request_key text, p_access_token_hash text
) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_tickets boolean := p_quote ->> 'kind' = 'tickets';
  v_event uuid := (p_quote ->> 'eventId')::uuid;
  v_type_ids uuid[];
  v_quantities int[];
  v_prices int[];
  v_refusal jsonb;
  v_total int;
  v_order uuid;
  v_expires timestamptz;
  v_buyer jsonb := order_buyer(p_buyer);
  v_voucher uuid := (p_quote ->> 'voucherId')::uuid;
  v_lists int[];
  v_offer_type uuid;
  v_offer_places int;
  v_offer_booking uuid;
BEGIN
  IF v_buyer IS NULL THEN RAISE EXCEPTION 'order_place: no such buyer %', p_buyer; END IF;
  v_refusal := order_made_by_request(v_buyer, p_request_key);
  IF v_refusal IS NOT NULL THEN RETURN order_with_access(v_refusal, p_access_token_hash); END IF;
  IF v_tickets THEN
    SELECT array_agg((l ->> 'ticketTypeId')::uuid ORDER BY n), array_agg((l ->> 'quantity')::int ORDER BY n),
           array_agg((l ->> 'unitPriceMinor')::int ORDER BY n), sum((l ->> 'quantity')::int * (l ->> 'unitPriceMinor')::int)::int
      INTO v_type_ids, v_quantities, v_prices, v_total
      FROM jsonb_array_elements(p_quote -> 'lines') WITH ORDINALITY AS x(l, n);
    v_refusal := order_lock_quoted_tickets(v_buyer, CASE WHEN (p_quote ->> 'eventNamed')::boolean THEN v_event END,
                                           v_type_ids, v_quantities, v_prices, p_max_held, v_voucher);
  ELSE
    v_total := (p_quote ->> 'totalMinor')::int;
    v_refusal := order_lock_quoted_booking(v_buyer, p_quote, p_max_held);
  END IF;
  IF v_refusal IS NOT NULL THEN RETURN v_refusal; END IF;
  -- The buyer's lock is held now: a request with this key that committed meanwhile is seen.
  v_refusal := order_made_by_request(v_buyer, p_request_key);
  IF v_refusal IS NOT NULL THEN RETURN order_with_access(v_refusal, p_access_token_hash); END IF;
  IF v_total IS DISTINCT FROM (p_quote ->> 'totalMinor')::int THEN
    RAISE EXCEPTION 'order_place: the quote''s total % is not the sum of its lines %', p_quote ->> 'totalMinor', v_total;
  END IF;

  -- An older order's key that has outlived request_key_lifetime() is free for this request.
  UPDATE orders SET request_key = NULL
   WHERE p_request_key IS NOT NULL AND buyer_email = v_buyer ->> 'email' AND request_key = p_request_key;
  -- Each line's list price before the voucher (its tier, read under the type's lock before this
  -- order's places count), kept on the lines the voucher covers.
  IF v_tickets AND v_voucher IS NOT NULL THEN
    SELECT array_agg(CASE WHEN voucher_covers(vo, s.event_id, tt.id, tt.currency)
                          THEN ticket_type_list_price(tt.id, t.quantity, tt.sold + tt.held, tt.price_minor) END ORDER BY t.n)
      INTO v_lists
      FROM unnest(v_type_ids, v_quantities) WITH ORDINALITY AS t(id, quantity, n)
      JOIN ticket_types tt ON tt.id = t.id JOIN event_sessions s ON s.id = tt.session_id
      CROSS JOIN (SELECT * FROM vouchers WHERE id = v_voucher) vo;
  END IF;
  INSERT INTO orders (reference, user_id, buyer_email, buyer_name, event_id, total_minor, currency, hold_expires_at, locale, request_key,
                      attendees, answers, voucher_id, discount_minor)
  VALUES (p_reference, (v_buyer ->> 'userId')::uuid, v_buyer ->> 'email', v_buyer ->> 'name', v_event, v_total, p_quote ->> 'currency',
          now() + make_interval(mins => p_hold_minutes), p_locale, p_request_key,
          coalesce(p_quote -> 'attendees', '[]'), coalesce(p_quote -> 'answers', '{}'), v_voucher,
          coalesce((SELECT sum((l - p) * q)::int FROM unnest(v_lists, v_prices, v_quantities) AS x(l, p, q) WHERE l IS NOT NULL), 0))
  RETURNING id, hold_expires_at INTO v_order, v_expires;
  INSERT INTO order_access_tokens (order_id, token_hash) SELECT v_order, p_access_token_hash WHERE p_access_token_hash IS NOT NULL;
  IF v_tickets THEN
    INSERT INTO order_items (order_id, ticket_type_id, quantity, unit_price_minor, list_unit_price_minor)
    SELECT v_order, t.id, t.quantity, t.price, t.list
      FROM unnest(v_type_ids, v_quantities, v_prices, coalesce(v_lists, array_fill(NULL::int, ARRAY[cardinality(v_type_ids)]))) AS t(id, quantity, price, list);
    -- A waiting-list offer bought with its code (issue 29.3) is used: its held places become
    -- this order's (any it did not buy go to the next in line, by the trigger on ticket_types).
    -- Taken only here, after every refusal, so a refused purchase leaves the offer as it was.
    IF v_voucher IS NOT NULL THEN
      UPDATE waitlist_entries SET status = 'used', ended_at = now() WHERE voucher_id = v_voucher AND status = 'offered'
      RETURNING ticket_type_id, quantity INTO v_offer_type, v_offer_places;
    END IF;
    UPDATE ticket_types tt
       SET held = tt.held + t.quantity - CASE WHEN tt.id = v_offer_type THEN v_offer_places ELSE 0 END,
           next_hold_expiry = LEAST(tt.next_hold_expiry, v_expires)
      FROM unnest(v_type_ids, v_quantities) AS t(id, quantity)
     WHERE tt.id = t.id;
  ELSE
    -- A waiting-list offer for exactly this range (docs/decisions/0021): its held row becomes
    -- this order's booking and the entry is used; taken only here, after every refusal, so a
    -- refused booking leaves the offer as it was.
    v_offer_booking := waitlist_offered_booking(p_quote);
    IF v_offer_booking IS NOT NULL THEN
      UPDATE bookings SET order_id = v_order, waitlist_entry_id = NULL WHERE id = v_offer_booking;
      UPDATE waitlist_entries SET status = 'used', ended_at = now() WHERE id = (p_quote ->> 'waitlistEntryId')::uuid;
    ELSE
      INSERT INTO bookings (resource_id, order_id, starts_at, ends_at)
      VALUES ((p_quote ->> 'resourceId')::uuid, v_order, (p_quote ->> 'start')::timestamptz,
              (p_quote ->> 'start')::timestamptz + make_interval(mins => (p_quote ->> 'minutes')::int));
    END IF;
  END IF;

  IF v_total = 0 THEN
    PERFORM order_confirm_payment(v_order, 'free', NULL, p_request_id);
  END IF;
  RETURN jsonb_build_object('ok', true, 'id', v_order, 'reference', p_reference,
                            'status', CASE WHEN v_total = 0 THEN 'paid' ELSE 'pending' END,
                            'totalMinor', v_total, 'currency', p_quote ->> 'currency', 'holdExpiresAt', v_expires);
END $$;
