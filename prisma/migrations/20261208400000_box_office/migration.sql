-- The box office (issue 28): vouchers, sale windows, price tiers and shared capacity. Each is
-- an input of the quote (lib/orders) and is checked again, and counted, inside the commit
-- (order_place) under the locks of docs/decisions/0002.

-- A voucher (as pretix has it): a code with a kind and a value, a use limit counted under the
-- voucher's row lock inside the commit (a code with 50 uses never gives 51), an optional limit
-- per buyer email, a validity window, a scope (every event, some events, some ticket types),
-- and optionally the power to reveal hidden ticket types (an access code for a presale or a
-- guest list). Codes are kept in upper case; a buyer may type any case.
CREATE TYPE "voucher_kind" AS ENUM ('percent_off', 'amount_off', 'set_price');
CREATE TABLE "vouchers" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "code" text NOT NULL UNIQUE CHECK ("code" ~ '^[A-Z0-9][A-Z0-9_-]{2,39}$'),
  "kind" "voucher_kind" NOT NULL,
  -- percent_off: 0..100; amount_off and set_price: minor units of `currency`.
  "value" integer NOT NULL CHECK ("value" >= 0),
  "currency" char(3),
  "max_uses" integer NOT NULL DEFAULT 1 CHECK ("max_uses" >= 1),
  -- Places of orders holding or having bought with it (released when an order's places are given back).
  "uses" integer NOT NULL DEFAULT 0 CHECK ("uses" >= 0),
  "max_per_buyer" integer CHECK ("max_per_buyer" >= 1),
  "valid_from" timestamptz(3),
  "valid_until" timestamptz(3),
  -- Empty: every event; else these events only.
  "event_ids" uuid[] NOT NULL DEFAULT '{}',
  -- Empty: every ticket type (of the events in scope); else these types only.
  "ticket_type_ids" uuid[] NOT NULL DEFAULT '{}',
  "reveals_hidden" boolean NOT NULL DEFAULT false,
  -- Codes generated together share a tag (the admin's batch name).
  "tag" text NOT NULL DEFAULT '',
  "note" text NOT NULL DEFAULT '',
  "created_at" timestamptz(3) NOT NULL DEFAULT now(),
  "created_by" text NOT NULL DEFAULT '',
  CONSTRAINT "vouchers_uses_within_limit" CHECK ("uses" <= "max_uses"),
  CONSTRAINT "vouchers_percent_at_most_100" CHECK ("kind" <> 'percent_off' OR "value" <= 100),
  CONSTRAINT "vouchers_money_has_currency" CHECK ("kind" = 'percent_off' OR "currency" IS NOT NULL),
  CONSTRAINT "vouchers_window_in_order" CHECK ("valid_from" IS NULL OR "valid_until" IS NULL OR "valid_from" < "valid_until")
);
CREATE INDEX "vouchers_tag_idx" ON "vouchers" ("tag") WHERE "tag" <> '';

-- The voucher an order was placed with, what it took off, and each line's price before it.
ALTER TABLE "orders" ADD COLUMN "voucher_id" uuid REFERENCES "vouchers"("id"),
  ADD COLUMN "discount_minor" integer NOT NULL DEFAULT 0 CHECK ("discount_minor" >= 0);
CREATE INDEX "orders_voucher_id_idx" ON "orders" ("voucher_id") WHERE "voucher_id" IS NOT NULL;
ALTER TABLE "order_items" ADD COLUMN "list_unit_price_minor" integer CHECK ("list_unit_price_minor" >= 0);

-- Sale windows: a ticket type is on sale from `sales_start` (NULL: from publishing) until
-- `sales_end` (NULL: until its session starts). A hidden type is sold only with a voucher that
-- reveals it.
ALTER TABLE "ticket_types" ADD COLUMN "sales_start" timestamptz(3),
  ADD COLUMN "sales_end" timestamptz(3),
  ADD COLUMN "hidden" boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT "ticket_types_sales_window_in_order" CHECK ("sales_start" IS NULL OR "sales_end" IS NULL OR "sales_start" < "sales_end");

-- Price tiers: an early price until an instant or until N places of the type are taken, then
-- the next tier, then the type's own price. The commit picks the tier under the type's lock:
-- an order takes a tier's price only if all its places of that type fit in the tier.
CREATE TABLE "price_tiers" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "ticket_type_id" uuid NOT NULL REFERENCES "ticket_types"("id") ON DELETE CASCADE,
  "price_minor" integer NOT NULL CHECK ("price_minor" >= 0),
  "until" timestamptz(3),
  "until_taken" integer CHECK ("until_taken" >= 1),
  "sort_order" integer NOT NULL DEFAULT 0,
  CONSTRAINT "price_tiers_end_somewhere" CHECK ("until" IS NOT NULL OR "until_taken" IS NOT NULL)
);
CREATE INDEX "price_tiers_ticket_type_id_idx" ON "price_tiers" ("ticket_type_id", "sort_order");

-- Shared capacity: a quota caps several ticket types of one session together (100 places,
-- adult or child). It keeps no counter of its own: what it has given is the sum of its
-- types' sold + held, checked in the commit under the quota's row lock (taken after the
-- ticket types', docs/decisions/0002).
CREATE TABLE "quotas" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "session_id" uuid NOT NULL REFERENCES "event_sessions"("id") ON DELETE CASCADE,
  "name" text NOT NULL CHECK (length(btrim("name")) BETWEEN 1 AND 100),
  "capacity" integer NOT NULL CHECK ("capacity" >= 0)
);
CREATE INDEX "quotas_session_id_idx" ON "quotas" ("session_id");
CREATE TABLE "quota_ticket_types" (
  "quota_id" uuid NOT NULL REFERENCES "quotas"("id") ON DELETE CASCADE,
  "ticket_type_id" uuid NOT NULL REFERENCES "ticket_types"("id") ON DELETE CASCADE,
  PRIMARY KEY ("quota_id", "ticket_type_id")
);
CREATE INDEX "quota_ticket_types_ticket_type_id_idx" ON "quota_ticket_types" ("ticket_type_id");
