-- Hosts' money through Stripe Connect (issue 30 item 2; docs/decisions/0020): a host's Express
-- account and what Stripe says of it, the platform's fee (per host, else the platform's), the
-- terms an order was paid under (destination account and fee, fixed when its checkout starts),
-- and a ledger row per payment, fee, refund and fee refund, per host.

ALTER TABLE "hosts"
  ADD COLUMN "stripe_account_id" TEXT,
  ADD COLUMN "charges_enabled" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "details_submitted" BOOLEAN NOT NULL DEFAULT false,
  ADD COLUMN "payouts_enabled" BOOLEAN NOT NULL DEFAULT false,
  -- NULL: the platform's figure (platform_settings).
  ADD COLUMN "fee_percent_bp" INTEGER,
  ADD COLUMN "fee_fixed_minor" INTEGER,
  ADD CONSTRAINT "hosts_fee_percent_bp_range" CHECK ("fee_percent_bp" BETWEEN 0 AND 10000),
  ADD CONSTRAINT "hosts_fee_fixed_minor_range" CHECK ("fee_fixed_minor" >= 0);
CREATE UNIQUE INDEX "hosts_stripe_account_id_key" ON "hosts"("stripe_account_id");

-- One row: the platform's defaults.
CREATE TABLE "platform_settings" (
    "id" BOOLEAN NOT NULL DEFAULT true,
    "fee_percent_bp" INTEGER NOT NULL DEFAULT 500,
    "fee_fixed_minor" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "platform_settings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "platform_settings_one_row" CHECK ("id"),
    CONSTRAINT "platform_settings_fee_percent_bp_range" CHECK ("fee_percent_bp" BETWEEN 0 AND 10000),
    CONSTRAINT "platform_settings_fee_fixed_minor_range" CHECK ("fee_fixed_minor" >= 0)
);
INSERT INTO "platform_settings" ("id") VALUES (true);

-- The terms the order's money is taken under: the host's connected account it goes to (NULL:
-- the platform keeps it, as before) and the platform's fee; what Stripe was told.
ALTER TABLE "orders"
  ADD COLUMN "payout_account" TEXT,
  ADD COLUMN "platform_fee_minor" INTEGER,
  ADD CONSTRAINT "orders_platform_fee_range" CHECK ("platform_fee_minor" BETWEEN 0 AND "total_minor");

CREATE TYPE "ledger_kind" AS ENUM ('payment', 'fee', 'refund', 'fee_refund');

-- Orders are never deleted by the app; the cascade is for tests that clear their rows.
-- Signed: what adds to the host's payout is positive. A host's payout = the sum of its rows.
CREATE TABLE "ledger_entries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "host_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "refund_id" UUID,
    "kind" "ledger_kind" NOT NULL,
    "amount_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ledger_entries_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ledger_entries_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ledger_entries_refund_id_fkey" FOREIGN KEY ("refund_id") REFERENCES "refunds"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ledger_entries_sign" CHECK (CASE WHEN "kind" IN ('payment', 'fee_refund') THEN "amount_minor" >= 0 ELSE "amount_minor" <= 0 END),
    CONSTRAINT "ledger_entries_refund_kinds" CHECK (("refund_id" IS NULL) = ("kind" IN ('payment', 'fee')))
);
-- Written once: a payment's two rows per order, a refund's two rows per refund.
CREATE UNIQUE INDEX "ledger_entries_payment_key" ON "ledger_entries"("order_id", "kind") WHERE "refund_id" IS NULL;
CREATE UNIQUE INDEX "ledger_entries_refund_key" ON "ledger_entries"("refund_id", "kind") WHERE "refund_id" IS NOT NULL;
CREATE INDEX "ledger_entries_host_id_created_at_idx" ON "ledger_entries"("host_id", "created_at");
