-- A cancellation policy per event, and refunds as rows (issue 29.1).
--
-- The organiser chooses: free cancellation, cancellation for a fee (a whole percentage of what
-- the cancelled places cost, kept), or none; either kind until `cancellation_cutoff_hours`
-- before the start. Every refund is a row: a buyer's cancellation of some tickets (the order
-- stays paid), of all of them, an admin's full refund, money that arrived for places gone.
-- The refund job pays each row through the order's provider (its id is the idempotency key, so a
-- partial refund is paid once) and the order is `refunded` when it owes nothing more.
CREATE TYPE "cancellation_policy" AS ENUM ('none', 'free', 'fee');
ALTER TABLE "events"
  ADD COLUMN "cancellation_policy" "cancellation_policy" NOT NULL DEFAULT 'free',
  ADD COLUMN "cancellation_cutoff_hours" integer NOT NULL DEFAULT 24,
  ADD COLUMN "cancellation_fee_percent" smallint NOT NULL DEFAULT 0,
  ADD CONSTRAINT "events_cancellation_cutoff_hours_range" CHECK ("cancellation_cutoff_hours" BETWEEN 0 AND 8760),
  ADD CONSTRAINT "events_cancellation_fee_percent_range" CHECK ("cancellation_fee_percent" BETWEEN 0 AND 100);

CREATE TYPE "refund_status" AS ENUM ('pending', 'paid');
CREATE TABLE "refunds" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "order_id" uuid NOT NULL REFERENCES "orders" ("id") ON DELETE CASCADE,
  -- What goes back, and what the policy kept; together, what the cancelled places cost.
  "amount_minor" integer NOT NULL CHECK ("amount_minor" >= 0),
  "fee_minor" integer NOT NULL DEFAULT 0 CHECK ("fee_minor" >= 0),
  -- cancelled (by the buyer, under the policy), refunded (an admin's), event_cancelled, places_gone
  "reason" text NOT NULL,
  "status" "refund_status" NOT NULL DEFAULT 'pending',
  "created_at" timestamptz(3) NOT NULL DEFAULT now(),
  "paid_at" timestamptz(3)
);
CREATE INDEX "refunds_order_id_idx" ON "refunds" ("order_id");

-- The refund that cancelled a ticket (a void ticket without one was re-issued to a new holder,
-- or voided with its whole order).
ALTER TABLE "tickets" ADD COLUMN "refund_id" uuid REFERENCES "refunds" ("id");
CREATE INDEX "tickets_refund_id_idx" ON "tickets" ("refund_id");

-- Orders refunded before refunds were rows: one full refund each, paid or still owed.
INSERT INTO "refunds" ("order_id", "amount_minor", "reason", "status", "created_at", "paid_at")
SELECT "id", "total_minor", 'refunded', CASE WHEN "status" = 'refunded' THEN 'paid' ELSE 'pending' END::"refund_status",
       coalesce("paid_at", "created_at"), CASE WHEN "status" = 'refunded' THEN now() END
  FROM "orders" WHERE "status" IN ('refund_required', 'refunded');

-- A cancellation of some of a line's places shrinks the line (and adds a cancelled one): the
-- voucher's uses follow the quantity too.
DROP TRIGGER "order_items_count_voucher_uses" ON "order_items";
CREATE TRIGGER "order_items_count_voucher_uses"
  AFTER INSERT OR UPDATE OF "status", "quantity" ON "order_items"
  FOR EACH ROW EXECUTE FUNCTION "order_items_count_voucher_uses"();
