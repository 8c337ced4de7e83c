-- The ticket half of order_place: refuses without a lock when the quoted tickets cannot be
-- had (not on sale, price moved, sold out with no expired hold to give back), then checks the
-- buyer's hold limit under the buyer's lock, then locks the ticket types in id order, gives back
-- expired holds only when places are short, and checks again. NULL: locked and good to write.
CREATE OR REPLACE FUNCTION "order_lock_quoted_tickets"(
  p_buyer jsonb, p_event uuid, p_type_ids uuid[], p_quantities int[], p_prices int[], p_max_held int
) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_refusal jsonb;
BEGIN
  v_refusal := order_ticket_refusal(p_event, p_type_ids, p_quantities, p_prices);
  IF v_refusal IS NOT NULL AND NOT coalesce((v_refusal ->> 'mayFree')::boolean, false) THEN
    RETURN v_refusal - 'mayFree';
  END IF;
  v_refusal := order_buyer_hold_refusal(p_buyer, (SELECT sum(q)::int FROM unnest(p_quantities) AS q), p_max_held);
  IF v_refusal IS NOT NULL THEN RETURN v_refusal; END IF;

  PERFORM 1 FROM ticket_types WHERE id = ANY(p_type_ids) ORDER BY id FOR UPDATE;
  v_refusal := order_ticket_refusal(p_event, p_type_ids, p_quantities, p_prices);
  IF v_refusal IS NOT NULL AND (v_refusal ->> 'mayFree')::boolean THEN
    PERFORM release_expired_ticket_holds(p_type_ids);
    v_refusal := order_ticket_refusal(p_event, p_type_ids, p_quantities, p_prices);
  END IF;
  RETURN v_refusal - 'mayFree';
END $$;
