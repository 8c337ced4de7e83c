-- Catalog, orders, tickets, delivery queue.
-- Rules that must never be false are enforced here, not only in lib/:
-- counts and prices by CHECK constraints, time ranges by GiST exclusion constraints.

CREATE EXTENSION IF NOT EXISTS "btree_gist";
CREATE EXTENSION IF NOT EXISTS "pg_trgm";
CREATE EXTENSION IF NOT EXISTS "unaccent";

-- Accent-insensitive English search: "Café" and "cafe" match, "concerts" finds "concert".
CREATE TEXT SEARCH CONFIGURATION "local_search" (COPY = english);
ALTER TEXT SEARCH CONFIGURATION "local_search"
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

-- unaccent() is only STABLE; indexes and generated columns need an IMMUTABLE wrapper
-- that names its dictionary explicitly.
CREATE FUNCTION "immutable_unaccent"(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- CreateEnum
CREATE TYPE "role" AS ENUM ('attendee', 'admin');
CREATE TYPE "event_status" AS ENUM ('draft', 'published', 'cancelled');
CREATE TYPE "category" AS ENUM ('concert', 'festival', 'comedy', 'workshop', 'tour', 'food', 'theatre', 'family');
CREATE TYPE "order_status" AS ENUM ('pending', 'paid', 'expired', 'cancelled', 'refund_required', 'refunded');
CREATE TYPE "hold_status" AS ENUM ('held', 'sold', 'released', 'cancelled');
CREATE TYPE "ticket_status" AS ENUM ('valid', 'void');
CREATE TYPE "job_status" AS ENUM ('queued', 'running', 'succeeded', 'dead');

-- CreateTable
CREATE TABLE "users" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "role" NOT NULL DEFAULT 'attendee',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email") AND "email" LIKE '%_@_%')
);

CREATE TABLE "venues" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "neighbourhood" TEXT NOT NULL,
    "time_zone" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    CONSTRAINT "venues_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "category" "category" NOT NULL,
    "city" TEXT NOT NULL,
    "neighbourhood" TEXT NOT NULL,
    "image_path" TEXT NOT NULL,
    "image_alt" TEXT NOT NULL,
    "status" "event_status" NOT NULL DEFAULT 'draft',
    "venue_id" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "search_vector" tsvector,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "events_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT "events_version_positive" CHECK ("version" > 0)
);

CREATE TABLE "event_sessions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "venue_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "remaining" INTEGER NOT NULL DEFAULT 0,
    "modified_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "event_sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "event_sessions_ends_after_start" CHECK ("ends_at" > "starts_at"),
    CONSTRAINT "event_sessions_remaining_not_negative" CHECK ("remaining" >= 0),
    -- A venue never hosts two live sessions whose times overlap.
    CONSTRAINT "event_sessions_no_venue_overlap" EXCLUDE USING gist (
        "venue_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&
    ) WHERE (NOT "cancelled")
);

CREATE TABLE "ticket_types" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "session_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "price_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'EUR',
    "capacity" INTEGER NOT NULL,
    "sold" INTEGER NOT NULL DEFAULT 0,
    "held" INTEGER NOT NULL DEFAULT 0,
    "remaining" INTEGER NOT NULL GENERATED ALWAYS AS ("capacity" - "sold" - "held") STORED,
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "ticket_types_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ticket_types_price_not_negative" CHECK ("price_minor" >= 0),
    CONSTRAINT "ticket_types_currency_format" CHECK ("currency" ~ '^[A-Z]{3}$'),
    CONSTRAINT "ticket_types_counts_not_negative" CHECK ("capacity" >= 0 AND "sold" >= 0 AND "held" >= 0),
    -- The oversell guard: whatever the caller does, sold + held never exceeds capacity.
    CONSTRAINT "ticket_types_within_capacity" CHECK ("sold" + "held" <= "capacity")
);

CREATE TABLE "resources" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "venue_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "opens_minute" INTEGER NOT NULL,
    "closes_minute" INTEGER NOT NULL,
    "slot_minutes" INTEGER NOT NULL,
    "min_minutes" INTEGER NOT NULL,
    "max_minutes" INTEGER NOT NULL,
    "price_minor_per_slot" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'EUR',
    CONSTRAINT "resources_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "resources_opening_hours" CHECK (0 <= "opens_minute" AND "opens_minute" < "closes_minute" AND "closes_minute" <= 1440),
    CONSTRAINT "resources_lengths" CHECK (
        "slot_minutes" > 0 AND "min_minutes" >= "slot_minutes" AND "max_minutes" >= "min_minutes"
        AND "min_minutes" % "slot_minutes" = 0 AND "max_minutes" % "slot_minutes" = 0
    ),
    CONSTRAINT "resources_price_not_negative" CHECK ("price_minor_per_slot" >= 0),
    CONSTRAINT "resources_currency_format" CHECK ("currency" ~ '^[A-Z]{3}$')
);

CREATE TABLE "bookings" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "resource_id" UUID NOT NULL,
    "order_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "status" "hold_status" NOT NULL DEFAULT 'held',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "bookings_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "bookings_ends_after_start" CHECK ("ends_at" > "starts_at"),
    -- The double-booking guard: live bookings (held or sold) on one resource never overlap.
    CONSTRAINT "bookings_no_overlap" EXCLUDE USING gist (
        "resource_id" WITH =, tstzrange("starts_at", "ends_at") WITH &&
    ) WHERE ("status" IN ('held', 'sold'))
);

CREATE TABLE "orders" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "reference" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "status" "order_status" NOT NULL DEFAULT 'pending',
    "total_minor" INTEGER NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "hold_expires_at" TIMESTAMPTZ(3) NOT NULL,
    "payment_provider" TEXT,
    "payment_ref" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paid_at" TIMESTAMPTZ(3),
    CONSTRAINT "orders_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "orders_total_not_negative" CHECK ("total_minor" >= 0),
    CONSTRAINT "orders_paid_has_time" CHECK ("status" <> 'paid' OR "paid_at" IS NOT NULL)
);

CREATE TABLE "order_items" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "order_id" UUID NOT NULL,
    "ticket_type_id" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit_price_minor" INTEGER NOT NULL,
    "status" "hold_status" NOT NULL DEFAULT 'held',
    CONSTRAINT "order_items_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "order_items_quantity_positive" CHECK ("quantity" > 0),
    CONSTRAINT "order_items_price_not_negative" CHECK ("unit_price_minor" >= 0)
);

CREATE TABLE "tickets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "order_id" UUID NOT NULL,
    "ticket_type_id" UUID,
    "booking_id" UUID,
    "code" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "status" "ticket_status" NOT NULL DEFAULT 'valid',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "tickets_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "tickets_for_one_thing" CHECK (("ticket_type_id" IS NULL) <> ("booking_id" IS NULL))
);

CREATE TABLE "jobs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    "status" "job_status" NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "max_attempts" INTEGER NOT NULL DEFAULT 8,
    "run_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "locked_at" TIMESTAMPTZ(3),
    "locked_by" TEXT,
    "last_error" TEXT,
    "unique_key" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "jobs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "jobs_attempts" CHECK ("attempts" >= 0 AND "max_attempts" > 0)
);

CREATE TABLE "rate_limit_hits" (
    "key" TEXT NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "rate_limit_hits_pkey" PRIMARY KEY ("key","window_start")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");
CREATE UNIQUE INDEX "events_slug_key" ON "events"("slug");
CREATE INDEX "events_status_idx" ON "events"("status");
CREATE INDEX "events_search_vector_idx" ON "events" USING gin ("search_vector");
CREATE INDEX "events_title_trgm_idx" ON "events" USING gin (immutable_unaccent(lower("title")) gin_trgm_ops);
CREATE INDEX "event_sessions_event_id_starts_at_idx" ON "event_sessions"("event_id", "starts_at");
CREATE INDEX "event_sessions_starts_at_idx" ON "event_sessions"("starts_at");
CREATE INDEX "ticket_types_session_id_idx" ON "ticket_types"("session_id");
CREATE INDEX "resources_event_id_idx" ON "resources"("event_id");
CREATE INDEX "bookings_order_id_idx" ON "bookings"("order_id");
CREATE INDEX "bookings_resource_id_starts_at_idx" ON "bookings"("resource_id", "starts_at");
CREATE UNIQUE INDEX "orders_reference_key" ON "orders"("reference");
CREATE INDEX "orders_user_id_created_at_idx" ON "orders"("user_id", "created_at");
CREATE INDEX "orders_status_hold_expires_at_idx" ON "orders"("status", "hold_expires_at");
CREATE INDEX "order_items_order_id_idx" ON "order_items"("order_id");
CREATE INDEX "order_items_ticket_type_id_status_idx" ON "order_items"("ticket_type_id", "status");
CREATE UNIQUE INDEX "tickets_code_key" ON "tickets"("code");
CREATE INDEX "tickets_order_id_idx" ON "tickets"("order_id");
CREATE UNIQUE INDEX "jobs_unique_key_key" ON "jobs"("unique_key");
CREATE INDEX "jobs_status_run_at_idx" ON "jobs"("status", "run_at");

-- AddForeignKey
ALTER TABLE "events" ADD CONSTRAINT "events_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "event_sessions" ADD CONSTRAINT "event_sessions_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "event_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "resources" ADD CONSTRAINT "resources_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "resources" ADD CONSTRAINT "resources_venue_id_fkey" FOREIGN KEY ("venue_id") REFERENCES "venues"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resources"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "orders" ADD CONSTRAINT "orders_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "order_items" ADD CONSTRAINT "order_items_ticket_type_id_fkey" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_order_id_fkey" FOREIGN KEY ("order_id") REFERENCES "orders"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_ticket_type_id_fkey" FOREIGN KEY ("ticket_type_id") REFERENCES "ticket_types"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_booking_id_fkey" FOREIGN KEY ("booking_id") REFERENCES "bookings"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Stored "remaining places" of a session: the sum over its ticket types, kept in step by
-- the same transaction that changes a ticket type (OpenActive "calculated fields").
CREATE FUNCTION "ticket_types_sync_session_remaining"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.session_id = NEW.session_id THEN
    IF NEW.remaining <> OLD.remaining THEN
      UPDATE event_sessions
         SET remaining = remaining + (NEW.remaining - OLD.remaining), modified_at = clock_timestamp()
       WHERE id = NEW.session_id;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    UPDATE event_sessions SET remaining = remaining - OLD.remaining, modified_at = clock_timestamp()
     WHERE id = OLD.session_id;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    UPDATE event_sessions SET remaining = remaining + NEW.remaining, modified_at = clock_timestamp()
     WHERE id = NEW.session_id;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "ticket_types_sync_session_remaining"
  AFTER INSERT OR DELETE OR UPDATE OF "capacity", "sold", "held", "session_id" ON "ticket_types"
  FOR EACH ROW EXECUTE FUNCTION "ticket_types_sync_session_remaining"();

-- Full-text search document: title (A) > venue, city, neighbourhood (B) > summary, description (C).
CREATE FUNCTION "events_search_document"(e "events") RETURNS tsvector
  LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('local_search', coalesce(e.title, '')), 'A')
      || setweight(to_tsvector('local_search', concat_ws(' ', v.name, e.city, e.neighbourhood, e.category::text)), 'B')
      || setweight(to_tsvector('local_search', concat_ws(' ', e.summary, e.description)), 'C')
    FROM venues v WHERE v.id = e.venue_id
$$;

CREATE FUNCTION "events_refresh_search_vector"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_vector := events_search_document(NEW);
  RETURN NEW;
END $$;

CREATE TRIGGER "events_refresh_search_vector"
  BEFORE INSERT OR UPDATE OF "title", "summary", "description", "city", "neighbourhood", "category", "venue_id" ON "events"
  FOR EACH ROW EXECUTE FUNCTION "events_refresh_search_vector"();

CREATE FUNCTION "venues_refresh_event_search"() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  UPDATE events e SET search_vector = events_search_document(e) WHERE e.venue_id = NEW.id;
  RETURN NULL;
END $$;

CREATE TRIGGER "venues_refresh_event_search"
  AFTER UPDATE OF "name" ON "venues"
  FOR EACH ROW EXECUTE FUNCTION "venues_refresh_event_search"();
