-- Whether the buyer may hold `p_places` more unpaid places (at most `p_max` at once), or why not.
-- Takes the buyer's lock first (a transaction-scoped advisory lock on the buyer's email, step 0
-- of docs/decisions/0002), so two simultaneous purchases of one buyer, account or not, are
-- counted one after the other and the limit holds under any concurrency. p_buyer: as
-- order_buyer resolves it.
CREATE OR REPLACE FUNCTION "order_buyer_hold_refusal"(p_buyer jsonb, p_places int, p_max int) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_held int;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('local_tickets.buyer:' || (p_buyer ->> 'email'), 0));
  v_held := buyer_held_places(p_buyer ->> 'email');
  IF v_held + p_places > p_max THEN
    RETURN jsonb_build_object('ok', false, 'code', 'hold_limit', 'held', v_held, 'limit', p_max);
  END IF;
  RETURN NULL;
END $$;
