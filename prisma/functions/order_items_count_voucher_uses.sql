-- Trigger on order_items (migration 20261208410000): a voucher's `uses` are the places it
-- covers on lines that hold or have bought them. A line placed with it counts, a line given
-- back (expired, cancelled, refunded) stops counting, a line taken again counts again, a line
-- shrunk by a cancellation of some of its places counts what it keeps; the
-- CHECK uses <= max_uses is the last guard under order_voucher_refusal's check.
CREATE OR REPLACE FUNCTION "order_items_count_voucher_uses"() RETURNS trigger
  LANGUAGE plpgsql AS $$
DECLARE
  v_delta int;
BEGIN
  IF NEW.list_unit_price_minor IS NULL THEN RETURN NULL; END IF;
  v_delta := NEW.quantity * (NEW.status IN ('held', 'sold'))::int
             - CASE WHEN TG_OP = 'UPDATE' THEN OLD.quantity * (OLD.status IN ('held', 'sold'))::int ELSE 0 END;
  IF v_delta <> 0 THEN
    UPDATE vouchers SET uses = uses + v_delta WHERE id = (SELECT voucher_id FROM orders WHERE id = NEW.order_id);
  END IF;
  RETURN NULL;
END $$;
