-- The ticket half of order_place: refuses without a lock when the quoted tickets cannot be
-- had (not on sale, price moved, sold out with no expired hold to give back), then checks the
-- buyer's hold limit under the buyer's lock, then locks the ticket types in id order, gives back
-- expired holds only when places are short, and checks again; then the quotas over those types
-- and the voucher, each under its own lock (docs/decisions/0002). NULL: locked and good to write.
CREATE OR REPLACE FUNCTION "order_lock_quoted_tickets"(
  p_buyer jsonb, p_event uuid, p_type_ids uuid[], p_quantities int[], p_prices int[], p_max_held int, p_voucher uuid
) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_refusal jsonb;
  v vouchers%ROWTYPE;
  v_places int;
BEGIN
  v_refusal := order_ticket_refusal(p_event, p_type_ids, p_quantities, p_prices, p_voucher);
  IF v_refusal IS NOT NULL AND NOT coalesce((v_refusal ->> 'mayFree')::boolean, false) THEN
    RETURN v_refusal - 'mayFree';
  END IF;
  v_refusal := order_buyer_hold_refusal(p_buyer, (SELECT sum(q)::int FROM unnest(p_quantities) AS q), p_max_held);
  IF v_refusal IS NOT NULL THEN RETURN v_refusal; END IF;

  PERFORM 1 FROM ticket_types WHERE id = ANY(p_type_ids) ORDER BY id FOR UPDATE;
  -- The line first (docs/decisions/0018): free places that fit someone waiting on these types
  -- are theirs. The trigger offers them as they come back, but a place freed on another type of
  -- a shared quota while this purchase held the type's row was passed over (never waited for);
  -- it becomes an offer here, under the quotas' locks, before this buyer is counted.
  IF EXISTS (SELECT 1 FROM waitlist_entries WHERE ticket_type_id = ANY(p_type_ids) AND status = 'waiting') THEN
    PERFORM lock_quotas_of_types(p_type_ids);
    PERFORM waitlist_offer_in_line(t) FROM unnest(p_type_ids) AS t ORDER BY t;
  END IF;
  v_refusal := order_ticket_refusal(p_event, p_type_ids, p_quantities, p_prices, p_voucher);
  IF v_refusal IS NOT NULL AND (v_refusal ->> 'mayFree')::boolean THEN
    PERFORM release_expired_ticket_holds(p_type_ids);
    v_refusal := order_ticket_refusal(p_event, p_type_ids, p_quantities, p_prices, p_voucher);
  END IF;
  IF v_refusal IS NOT NULL THEN RETURN v_refusal - 'mayFree'; END IF;

  -- A waiting-list offer's places are already counted in its quotas (held): only the rest is asked.
  v_refusal := order_quota_refusal(p_type_ids, ARRAY(SELECT r.quantity - waitlist_offer_places(p_voucher, r.id)
                                                       FROM unnest(p_type_ids, p_quantities) WITH ORDINALITY AS r(id, quantity, n) ORDER BY r.n));
  IF v_refusal IS NOT NULL OR p_voucher IS NULL THEN RETURN v_refusal; END IF;

  SELECT * INTO v FROM vouchers WHERE id = p_voucher;
  SELECT coalesce(sum(r.quantity), 0)::int INTO v_places
    FROM unnest(p_type_ids, p_quantities) AS r(id, quantity) JOIN ticket_types tt ON tt.id = r.id JOIN event_sessions s ON s.id = tt.session_id
   WHERE voucher_covers(v, s.event_id, tt.id, tt.currency);
  RETURN order_voucher_refusal(p_buyer, p_voucher, v_places);
END $$;
