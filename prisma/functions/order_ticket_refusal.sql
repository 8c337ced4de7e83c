-- Why these quoted tickets cannot be held now, or NULL when they can. Reads without locking;
-- called again by order_place after the locks are taken, when its answer is the truth (each
-- statement of a function sees what committed before it started). p_type_ids: distinct and
-- sorted; p_quantities > 0; p_prices: the unit prices the buyer was quoted (lib/orders/quote.ts),
-- which must be the type's list price now (its price tier, ticket_type_list_price) and, on a
-- type voucher p_voucher covers, that price under the voucher. A price that moved since the
-- quote is refused (`price_changed`), never charged silently. A type is on sale inside its sale
-- window (`not_on_sale_yet` before it opens, with `opensAt`); a hidden type only exists for a
-- voucher that reveals it. `mayFree`: the shortage could go away by giving back expired holds.
-- A waiting-list offer's places (held for it, issue 29.3) are there for the buyer with its code.
CREATE OR REPLACE FUNCTION "order_ticket_refusal"(p_event uuid, p_type_ids uuid[], p_quantities int[], p_prices int[], p_voucher uuid) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  r record;
  v vouchers%ROWTYPE;
  v_session uuid;
  v_currency text;
  v_short jsonb;
  v_may_free boolean := false;
  v_list int;
  v_expected int;
BEGIN
  IF p_voucher IS NOT NULL THEN
    SELECT * INTO v FROM vouchers WHERE id = p_voucher;
    IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'voucher', 'problem', 'unknown'); END IF;
  END IF;
  FOR r IN
    SELECT t.id, t.quantity, t.quoted_price, tt.id AS found, tt.name, tt.session_id, s.event_id, tt.currency, tt.price_minor,
           tt.sold + tt.held AS taken, tt.capacity - tt.sold - tt.held + waitlist_offer_places(p_voucher, tt.id) AS remaining, tt.next_hold_expiry, tt.hidden, tt.sales_start,
           (s.cancelled OR s.ends_at <= now()) AS gone,
           (e.status = 'published' AND NOT s.cancelled AND s.starts_at > now() AND (tt.sales_end IS NULL OR now() < tt.sales_end)
            AND host_takes_payments(e.host_id)) AS on_sale
      FROM unnest(p_type_ids, p_quantities, p_prices) WITH ORDINALITY AS t(id, quantity, quoted_price, position)
      LEFT JOIN ticket_types tt ON tt.id = t.id
      LEFT JOIN event_sessions s ON s.id = tt.session_id
      LEFT JOIN events e ON e.id = s.event_id
     ORDER BY t.position
  LOOP
    -- A hidden type is there only for a voucher that reveals it and covers it.
    IF r.found IS NULL
       OR (r.hidden AND NOT (p_voucher IS NOT NULL AND v.reveals_hidden AND voucher_covers(v, r.event_id, r.id, r.currency))) THEN
      RETURN jsonb_build_object('ok', false, 'code', CASE WHEN p_event IS NULL THEN 'not_found' ELSE 'not_in_event' END, 'ticketTypeId', r.id);
    END IF;
    IF p_event IS NOT NULL AND (r.event_id <> p_event OR r.gone) THEN
      RETURN jsonb_build_object('ok', false, 'code', 'not_in_event', 'ticketTypeId', r.id);
    END IF;
    IF NOT r.on_sale THEN
      RETURN jsonb_build_object('ok', false, 'code', 'not_on_sale', 'ticketTypeId', r.id, 'name', r.name);
    END IF;
    IF r.sales_start IS NOT NULL AND now() < r.sales_start THEN
      RETURN jsonb_build_object('ok', false, 'code', 'not_on_sale_yet', 'ticketTypeId', r.id, 'name', r.name, 'opensAt', r.sales_start);
    END IF;
    v_list := ticket_type_list_price(r.id, r.quantity, r.taken, r.price_minor);
    v_expected := CASE WHEN p_voucher IS NOT NULL AND voucher_covers(v, r.event_id, r.id, r.currency) THEN voucher_unit_price(v_list, v.kind, v.value) ELSE v_list END;
    IF v_expected IS DISTINCT FROM r.quoted_price THEN
      RETURN jsonb_build_object('ok', false, 'code', 'price_changed', 'ticketTypeId', r.id, 'name', r.name, 'priceMinor', v_expected, 'currency', r.currency);
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
