-- A waiting list for bookable time ranges (issue 29.3, docs/decisions/0021).
--
-- An entry waits either for places of a ticket type (as before) or for one time range of a
-- resource (resource, starts_at, ends_at; always one place). The list, leaving by link, the
-- emails, the sweep, the admin's page and the API keep one home.
ALTER TABLE "waitlist_entries"
  ALTER COLUMN "ticket_type_id" DROP NOT NULL,
  ADD COLUMN "resource_id" uuid REFERENCES "resources" ("id") ON DELETE CASCADE,
  ADD COLUMN "starts_at" timestamptz(3),
  ADD COLUMN "ends_at" timestamptz(3),
  ADD CONSTRAINT "waitlist_entries_type_or_range" CHECK (
    ("ticket_type_id" IS NOT NULL AND "resource_id" IS NULL AND "starts_at" IS NULL AND "ends_at" IS NULL)
    OR ("ticket_type_id" IS NULL AND "resource_id" IS NOT NULL AND "starts_at" IS NOT NULL AND "ends_at" > "starts_at" AND "quantity" = 1)
  ),
  -- A range's offer is a held booking row (below), not a voucher.
  DROP CONSTRAINT "waitlist_entries_offer_shape",
  ADD CONSTRAINT "waitlist_entries_offer_shape" CHECK (
    "status" <> 'offered' OR (("voucher_id" IS NOT NULL OR "resource_id" IS NOT NULL) AND "offer_expires_at" IS NOT NULL)
  );
-- One live entry per person and range; the line of a resource.
CREATE UNIQUE INDEX "waitlist_entries_live_range_email" ON "waitlist_entries" ("resource_id", "starts_at", "ends_at", "email")
  WHERE "status" IN ('waiting', 'offered') AND "resource_id" IS NOT NULL;
CREATE INDEX "waitlist_entries_range_line" ON "waitlist_entries" ("resource_id", "created_at", "id")
  WHERE "status" = 'waiting' AND "resource_id" IS NOT NULL;

-- An offer holds its range as a booking row that belongs to no order yet: the exclusion
-- constraint, live availability, the slot feed and the API see the range taken unchanged. The
-- booking that uses the offer takes that row over (order_id set, waitlist_entry_id cleared).
ALTER TABLE "bookings"
  ALTER COLUMN "order_id" DROP NOT NULL,
  ADD COLUMN "waitlist_entry_id" uuid REFERENCES "waitlist_entries" ("id") ON DELETE CASCADE,
  ADD CONSTRAINT "bookings_order_or_offer" CHECK (("order_id" IS NULL) <> ("waitlist_entry_id" IS NULL));
-- At most one live hold per offer.
CREATE UNIQUE INDEX "bookings_offer_hold" ON "bookings" ("waitlist_entry_id") WHERE "status" = 'held' AND "waitlist_entry_id" IS NOT NULL;
CREATE INDEX "bookings_waitlist_entry" ON "bookings" ("waitlist_entry_id") WHERE "waitlist_entry_id" IS NOT NULL;

-- Whenever a booking stops holding its range (an expired hold released, an unpaid order given
-- up, a cancellation, a refund, an offer left or expired), the resource's waiting list takes
-- the range first, in the same transaction. The body lives in
-- prisma/functions/bookings_waitlist_offer_freed.sql (ADR 0010); this first version lets the
-- trigger be created before the functions are applied.
CREATE OR REPLACE FUNCTION "bookings_waitlist_offer_freed"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
CREATE TRIGGER "bookings_waitlist_offer_freed"
  AFTER UPDATE OF "status" ON "bookings"
  FOR EACH ROW WHEN (OLD."status" IN ('held', 'sold') AND NEW."status" NOT IN ('held', 'sold'))
  EXECUTE FUNCTION "bookings_waitlist_offer_freed"();
