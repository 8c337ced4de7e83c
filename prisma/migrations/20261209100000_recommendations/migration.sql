-- Recommendations (issue 31, items 1 and 2): "More like this" on an event page and "For you"
-- on the home page, computed inside PostgreSQL from the shop's own data (the functions
-- recommend_similar_events and recommend_for_buyer in prisma/functions/).

-- An account's "For you" setting. Off: no view is recorded, the stored ones are deleted, and
-- the home page shows no personal picks (lib/discovery/personal-picks.ts).
ALTER TABLE "users" ADD COLUMN "personal_picks" BOOLEAN NOT NULL DEFAULT true;

-- The events a signed-in buyer looked at, latest view per event, at most 50 per account
-- (lib/discovery/record-event-view.ts trims). A guest's views never reach the database: they
-- stay in a cookie of that browser that ends with the visit.
CREATE TABLE "event_views" (
    "user_id" UUID NOT NULL,
    "event_id" UUID NOT NULL,
    "viewed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "event_views_pkey" PRIMARY KEY ("user_id", "event_id"),
    CONSTRAINT "event_views_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "event_views_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "event_views_user_id_viewed_at_idx" ON "event_views"("user_id", "viewed_at" DESC);
CREATE INDEX "event_views_event_id_idx" ON "event_views"("event_id");

-- Co-purchase, both ways, from paid orders only and without visiting the table: an event's
-- latest buyers, and a buyer's latest events (a buyer is an email, account or not: 0012).
CREATE INDEX "orders_paid_by_event_idx" ON "orders"("event_id", "paid_at" DESC) INCLUDE ("buyer_email") WHERE "status" = 'paid';
CREATE INDEX "orders_paid_by_buyer_idx" ON "orders"("buyer_email", "paid_at" DESC) INCLUDE ("event_id") WHERE "status" = 'paid';

-- Content neighbours: published events of a category in a city, freshest first.
CREATE INDEX "events_published_category_city_idx" ON "events"("category", "city", "created_at" DESC) WHERE "status" = 'published';
