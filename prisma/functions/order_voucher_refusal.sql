-- The voucher half of the commit (issue 28): locks voucher p_voucher (after the places and
-- their quotas, docs/decisions/0002) and refuses when it cannot take p_places more places now:
-- outside its window, its uses (kept by order_items_count_voucher_uses, under a CHECK) would
-- pass its limit, or the buyer's own places with it would pass theirs. So a code with 50 uses
-- never gives 51, however many buyers race. NULL: it can.
CREATE OR REPLACE FUNCTION "order_voucher_refusal"(p_buyer jsonb, p_voucher uuid, p_places int) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v vouchers%ROWTYPE;
  v_mine int;
BEGIN
  SELECT * INTO v FROM vouchers WHERE id = p_voucher FOR UPDATE;
  IF NOT FOUND THEN RETURN jsonb_build_object('ok', false, 'code', 'voucher', 'problem', 'unknown'); END IF;
  IF v.valid_from IS NOT NULL AND now() < v.valid_from THEN RETURN jsonb_build_object('ok', false, 'code', 'voucher', 'problem', 'not_yet_valid'); END IF;
  IF v.valid_until IS NOT NULL AND now() >= v.valid_until THEN RETURN jsonb_build_object('ok', false, 'code', 'voucher', 'problem', 'expired'); END IF;
  IF p_places <= 0 THEN RETURN jsonb_build_object('ok', false, 'code', 'voucher', 'problem', 'not_applicable'); END IF;
  IF v.uses + p_places > v.max_uses THEN RETURN jsonb_build_object('ok', false, 'code', 'voucher', 'problem', 'used_up'); END IF;
  IF v.max_per_buyer IS NOT NULL THEN
    SELECT coalesce(sum(oi.quantity), 0)::int INTO v_mine
      FROM orders o JOIN order_items oi ON oi.order_id = o.id
     WHERE o.voucher_id = p_voucher AND o.buyer_email = p_buyer ->> 'email'
       AND oi.status IN ('held', 'sold') AND oi.list_unit_price_minor IS NOT NULL;
    IF v_mine + p_places > v.max_per_buyer THEN RETURN jsonb_build_object('ok', false, 'code', 'voucher', 'problem', 'used_up'); END IF;
  END IF;
  RETURN NULL;
END $$;
