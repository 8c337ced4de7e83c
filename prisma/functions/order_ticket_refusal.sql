-- Why these quoted tickets cannot be held now, or NULL when they can. Reads without locking;
-- called again by order_place after the locks are taken, when its answer is the truth (each
-- statement of a function sees what committed before it started). p_type_ids: distinct and
-- sorted; p_quantities > 0; p_prices: the unit prices the buyer was quoted (lib/orders/quote.ts).
-- A price that moved since the quote is refused (`price_changed`), never charged silently.
-- `mayFree`: the shortage could go away by giving back expired holds.
CREATE OR REPLACE FUNCTION "order_ticket_refusal"(p_event uuid, p_type_ids uuid[], p_quantities int[], p_prices int[]) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  r record;
  v_session uuid;
  v_currency text;
  v_short jsonb;
  v_may_free boolean := false;
BEGIN
  FOR r IN
    SELECT t.id, t.quantity, t.quoted_price, tt.id AS found, tt.name, tt.session_id, s.event_id, tt.currency, tt.price_minor,
           tt.capacity - tt.sold - tt.held AS remaining, tt.next_hold_expiry,
           (s.cancelled OR s.ends_at <= now()) AS gone,
           (e.status = 'published' AND NOT s.cancelled AND s.starts_at > now()) AS on_sale
      FROM unnest(p_type_ids, p_quantities, p_prices) WITH ORDINALITY AS t(id, quantity, quoted_price, position)
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
    IF r.price_minor IS DISTINCT FROM r.quoted_price THEN
      RETURN jsonb_build_object('ok', false, 'code', 'price_changed', 'ticketTypeId', r.id, 'name', r.name, 'priceMinor', r.price_minor, 'currency', r.currency);
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
