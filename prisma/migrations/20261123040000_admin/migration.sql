-- Admin dashboard: the audit log of admin changes, and the indexes the dashboard's
-- queries read (analytics over 100,000+ orders, order search, dead jobs).

-- Who changed what, when, with the row's state before and after (JSON snapshots).
-- actor_email is kept as well as actor_id, so the trail survives a deleted user.
CREATE TABLE "audit_log" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "actor_id" UUID,
    "actor_email" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "audit_log_entity_type_entity_id_created_at_idx" ON "audit_log"("entity_type", "entity_id", "created_at");
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Orders of one event: delete-or-cancel, per-event figures.
CREATE INDEX "orders_event_id_status_idx" ON "orders"("event_id", "status");

-- Revenue and sales over time: orders that took money, by the time they did. A late
-- payment that could not get its places (refund_required) has no paid_at, hence the
-- coalesce; the analytics queries use this exact expression and predicate. INCLUDE makes
-- the range scan index-only for the revenue figures.
CREATE INDEX "orders_sale_time_idx" ON "orders"((coalesce("paid_at", "created_at")))
  INCLUDE ("event_id", "status", "currency", "total_minor")
  WHERE "status" IN ('paid', 'refund_required', 'refunded');
-- ANALYZE keeps no statistics for the expression of a partial index: without these, the
-- planner guesses a few hundred orders in a year's range (there may be 100,000) and joins
-- every order line by nested loop (measured: 1.1 s instead of 0.12 s).
CREATE STATISTICS "orders_sale_time_stats" ON (coalesce("paid_at", "created_at")) FROM "orders";

-- Holds that became orders: every order created in a range, with its status.
CREATE INDEX "orders_created_at_idx" ON "orders"("created_at") INCLUDE ("status");

-- Order search by the start of an email address (LIKE 'prefix%').
CREATE INDEX "users_email_pattern_idx" ON "users"("email" text_pattern_ops);

-- Jobs by state and last change: the dead jobs list (newest first), the pipeline's counts
-- of open jobs, and the jobs finished in a date range, without reading the whole table.
CREATE INDEX "jobs_status_updated_at_idx" ON "jobs"("status", "updated_at") INCLUDE ("kind");
