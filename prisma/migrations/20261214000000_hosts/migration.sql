-- Many local hosts (issue 30, items 1 and 3; docs/decisions/0019): a host is an organisation
-- with members; every event, venue and voucher belongs to one. Existing rows go to the
-- platform's own host, "Local Tickets", made here, so this runs on a database with data.

-- Name and story in the host's own words; other languages in `translations`, by locale:
-- {"pt": {"name": "…", "story": "…"}} (the shape of ticket types' name_translations: one row,
-- no join). Stripe Connect (item 2) will add the account id and fee settings to this row.
CREATE TABLE "hosts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "story" TEXT NOT NULL DEFAULT '',
    "photo_path" TEXT,
    "city" TEXT NOT NULL DEFAULT '',
    "translations" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "hosts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "hosts_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length("slug") <= 80),
    CONSTRAINT "hosts_name_length" CHECK (char_length("name") BETWEEN 1 AND 120),
    CONSTRAINT "hosts_translations_object" CHECK (jsonb_typeof("translations") = 'object')
);
CREATE UNIQUE INDEX "hosts_slug_key" ON "hosts"("slug");

-- owner and manager run the host's side of the dashboard; door checks its events in.
CREATE TYPE "host_role" AS ENUM ('owner', 'manager', 'door');

CREATE TABLE "host_members" (
    "host_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "host_role" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "host_members_pkey" PRIMARY KEY ("host_id", "user_id"),
    CONSTRAINT "host_members_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "host_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "host_members_user_id_idx" ON "host_members"("user_id");

INSERT INTO "hosts" ("slug", "name", "story", "city")
VALUES ('local-tickets', 'Local Tickets', 'The platform''s own events.', '');

-- The platform's host: what a row written without a host belongs to (tools, tests and older
-- scripts); the dashboard always names the host it writes for.
CREATE OR REPLACE FUNCTION "platform_host_id"() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT "id" FROM "hosts" WHERE "slug" = 'local-tickets'
$$;

ALTER TABLE "venues" ADD COLUMN "host_id" UUID;
UPDATE "venues" SET "host_id" = platform_host_id();
ALTER TABLE "venues"
  ALTER COLUMN "host_id" SET NOT NULL,
  ALTER COLUMN "host_id" SET DEFAULT platform_host_id(),
  ADD CONSTRAINT "venues_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "venues_host_id_idx" ON "venues"("host_id");
-- The target of events' (venue_id, host_id): an event takes place at one of its host's venues.
CREATE UNIQUE INDEX "venues_id_host_id_key" ON "venues"("id", "host_id");

ALTER TABLE "events" ADD COLUMN "host_id" UUID;
UPDATE "events" e SET "host_id" = v."host_id" FROM "venues" v WHERE v."id" = e."venue_id";
ALTER TABLE "events"
  ALTER COLUMN "host_id" SET NOT NULL,
  ALTER COLUMN "host_id" SET DEFAULT platform_host_id(),
  ADD CONSTRAINT "events_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
  ADD CONSTRAINT "events_venue_of_host_fkey" FOREIGN KEY ("venue_id", "host_id") REFERENCES "venues"("id", "host_id") ON UPDATE CASCADE;
CREATE INDEX "events_host_id_idx" ON "events"("host_id");

-- A voucher is its host's: a host's code covers only that host's events (lib/admin/vouchers
-- checks its scope when it is written).
ALTER TABLE "vouchers" ADD COLUMN "host_id" UUID;
UPDATE "vouchers" SET "host_id" = platform_host_id();
ALTER TABLE "vouchers"
  ALTER COLUMN "host_id" SET NOT NULL,
  ALTER COLUMN "host_id" SET DEFAULT platform_host_id(),
  ADD CONSTRAINT "vouchers_host_id_fkey" FOREIGN KEY ("host_id") REFERENCES "hosts"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
CREATE INDEX "vouchers_host_id_idx" ON "vouchers"("host_id");
