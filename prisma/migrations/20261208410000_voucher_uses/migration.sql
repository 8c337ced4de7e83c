-- A voucher's uses follow its order lines (issue 28): the function's body lives in
-- prisma/functions/order_items_count_voucher_uses.sql (ADR 0010); this first version lets the
-- trigger be created before the functions are applied.
CREATE OR REPLACE FUNCTION "order_items_count_voucher_uses"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER "order_items_count_voucher_uses"
  AFTER INSERT OR UPDATE OF "status" ON "order_items"
  FOR EACH ROW EXECUTE FUNCTION "order_items_count_voucher_uses"();
