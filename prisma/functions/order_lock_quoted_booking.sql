-- The booking half of order_place: the quote was made under the resource's rules as the buyer
-- saw them (lib/orders/quote.ts checks length, slot grid and opening hours in the venue's zone);
-- here the rules and the price must still be those, the start still ahead, and the range free.
-- Refuses without a lock when a live booking overlaps; then checks the buyer's hold limit under
-- the buyer's lock, locks the resource row, checks again, and gives back expired holds in the
-- range. NULL: locked and good to write. A quote that names a waiting-list offer for exactly
-- its range (waitlist_offered_booking, docs/decisions/0021) may have the range its offer holds;
-- anyone else finds it taken.
CREATE OR REPLACE FUNCTION "order_lock_quoted_booking"(p_buyer jsonb, p_quote jsonb, p_max_held int) RETURNS jsonb
  LANGUAGE plpgsql AS $$
DECLARE
  v_resource uuid := (p_quote ->> 'resourceId')::uuid;
  v_start timestamptz := (p_quote ->> 'start')::timestamptz;
  v_end timestamptz := v_start + make_interval(mins => (p_quote ->> 'minutes')::int);
  v_refusal jsonb;
  v_offer uuid := waitlist_offered_booking(p_quote);
BEGIN
  v_refusal := order_quoted_booking_refusal(p_quote);
  IF v_refusal IS NOT NULL THEN RETURN v_refusal; END IF;
  -- Live bookings never overlap each other, so nothing but the offer's row overlaps its range.
  IF v_offer IS NULL AND EXISTS (SELECT 1 FROM live_bookings(v_resource, v_start, v_end)) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'taken');
  END IF;
  v_refusal := order_buyer_hold_refusal(p_buyer, 1, p_max_held);
  IF v_refusal IS NOT NULL THEN RETURN v_refusal; END IF;

  PERFORM 1 FROM resources WHERE id = v_resource FOR UPDATE;
  -- Locked, the rules are read again: an admin may have changed them since the look above.
  v_refusal := order_quoted_booking_refusal(p_quote);
  IF v_refusal IS NOT NULL THEN RETURN v_refusal; END IF;
  -- Under the lock, the offer is judged again (the sweep or a leave may have ended it).
  IF waitlist_offered_booking(p_quote) IS NOT NULL THEN RETURN NULL; END IF;
  -- Expired holds in the range are given back, and go to the resource's waiting list first.
  PERFORM release_expired_holds_in_range(v_resource, v_start, v_end);
  IF NOT resource_range_free(v_resource, v_start, v_end) THEN
    RETURN jsonb_build_object('ok', false, 'code', 'taken');
  END IF;
  RETURN NULL;
END $$;
