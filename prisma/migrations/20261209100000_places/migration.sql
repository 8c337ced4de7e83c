-- Near you, city and venue pages, calendar feeds (issue 31, items 3 and 4).

-- Distances are computed in the database: earthdistance (on cube) places a latitude and
-- longitude on a sphere of the Earth's radius, and a GiST index over that point answers
-- "within r metres" through earth_box without reading every venue. Both extensions ship with
-- PostgreSQL (contrib); earthdistance 1.2 qualifies its calls to cube, so a restore or a
-- search_path that leaves out the extension's schema still rebuilds the index.
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

-- ll_to_earth is STRICT: a venue without coordinates has no point and is never "near".
CREATE INDEX "venues_earth_idx" ON "venues" USING gist (ll_to_earth("latitude", "longitude"));
-- The venues near a point lead to their events (and a venue page lists its events).
CREATE INDEX "events_venue_id_idx" ON "events"("venue_id");

-- A buyer's own calendar feed (their tickets, to subscribe to in a calendar app). The URL
-- carries a 256-bit token; only its SHA-256 is kept, as for API tokens and emailed links, so
-- a copy of this table opens no feed. One feed per account: making a new link replaces the
-- old one, which then stops working.
CREATE TABLE "calendar_feeds" (
    "user_id" UUID NOT NULL,
    "token_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "calendar_feeds_pkey" PRIMARY KEY ("user_id"),
    CONSTRAINT "calendar_feeds_token_hash_shape" CHECK ("token_hash" ~ '^[0-9a-f]{64}$')
);
CREATE UNIQUE INDEX "calendar_feeds_token_hash_key" ON "calendar_feeds"("token_hash");
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
