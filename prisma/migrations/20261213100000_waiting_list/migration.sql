-- A waiting list that refills itself (issue 29.3, docs/decisions/0018).
--
-- One entry per person and ticket type: who (email in lower case, name, language, account),
-- how many places, and where they stand (created_at, id). A place that comes back is not put
-- on sale: in the same transaction it becomes an offer to the next entry that fits, a
-- single-use voucher for the offer's places, which stay counted in ticket_types.held (so every
-- availability figure shows them as taken) until the offer is used, expires or is left.
CREATE TYPE "waitlist_status" AS ENUM ('waiting', 'offered', 'used', 'expired', 'left');

ALTER TABLE "events"
  ADD COLUMN "waitlist_offer_hours" integer NOT NULL DEFAULT 12,
  ADD CONSTRAINT "events_waitlist_offer_hours_range" CHECK ("waitlist_offer_hours" BETWEEN 1 AND 336);

CREATE TABLE "waitlist_entries" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "event_id" uuid NOT NULL REFERENCES "events" ("id") ON DELETE CASCADE,
  "ticket_type_id" uuid NOT NULL REFERENCES "ticket_types" ("id") ON DELETE CASCADE,
  "email" text NOT NULL CHECK ("email" = lower("email") AND "email" <> ''),
  "name" text NOT NULL,
  "quantity" integer NOT NULL CHECK ("quantity" BETWEEN 1 AND 100),
  "locale" text NOT NULL DEFAULT 'en',
  "user_id" uuid REFERENCES "users" ("id") ON DELETE SET NULL,
  "status" "waitlist_status" NOT NULL DEFAULT 'waiting',
  "created_at" timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
  -- The offer: its voucher and its window.
  "voucher_id" uuid UNIQUE REFERENCES "vouchers" ("id") ON DELETE SET NULL,
  "offered_at" timestamptz(3),
  "offer_expires_at" timestamptz(3),
  "ended_at" timestamptz(3),
  -- SHA-256 of the private "leave the list" link's token (as lib/orders/order-access.ts).
  "leave_token_hash" text NOT NULL UNIQUE,
  CONSTRAINT "waitlist_entries_offer_shape" CHECK ("status" <> 'offered' OR ("voucher_id" IS NOT NULL AND "offer_expires_at" IS NOT NULL))
);
-- One live entry per person and type.
CREATE UNIQUE INDEX "waitlist_entries_live_email" ON "waitlist_entries" ("ticket_type_id", "email") WHERE "status" IN ('waiting', 'offered');
-- The line, and the offers to sweep.
CREATE INDEX "waitlist_entries_line" ON "waitlist_entries" ("ticket_type_id", "created_at", "id") WHERE "status" = 'waiting';
CREATE INDEX "waitlist_entries_open_offers" ON "waitlist_entries" ("offer_expires_at") WHERE "status" = 'offered';
CREATE INDEX "waitlist_entries_event" ON "waitlist_entries" ("event_id", "ticket_type_id");

-- Whenever a ticket type's free places grow (a cancellation, a refund, a hold given back, more
-- capacity, an offer left or expired), the waiting list takes them first, in the same
-- transaction and under the type's row lock (the UPDATE holds it). The body lives in
-- prisma/functions/ticket_types_waitlist_offer_freed.sql (ADR 0010); this first version lets the
-- trigger be created before the functions are applied. Its name sorts after
-- ticket_types_sync_session_remaining on purpose: triggers of one event fire in name order, and
-- the session's stored remaining must take the freed places before the offer takes them again.
CREATE OR REPLACE FUNCTION "ticket_types_waitlist_offer_freed"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER "ticket_types_waitlist_offer_freed"
  AFTER UPDATE OF "capacity", "sold", "held" ON "ticket_types"
  FOR EACH ROW WHEN (NEW."capacity" - NEW."sold" - NEW."held" > OLD."capacity" - OLD."sold" - OLD."held")
  EXECUTE FUNCTION "ticket_types_waitlist_offer_freed"();
