-- At the door (issue 18; docs/decisions/0008).

-- Door staff: a user who may check tickets in, for one event or (event_id NULL) for every
-- event. Being staff changes nothing else: the user keeps their role for everything else.
CREATE TABLE "staff_grants" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" UUID NOT NULL,
    "event_id" UUID,
    "granted_by" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    CONSTRAINT "staff_grants_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "staff_grants_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
    CONSTRAINT "staff_grants_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE
);
CREATE UNIQUE INDEX "staff_grants_user_id_event_id_key" ON "staff_grants"("user_id", "event_id") NULLS NOT DISTINCT;

-- One row per admission. A ticket is admitted once: at most one row per ticket that is not
-- undone (the partial unique index), so the check-in is one INSERT ... ON CONFLICT DO NOTHING
-- and two doors scanning the same ticket at the same moment get one row between them.
-- An undone check-in stays (who undid it, when) and the ticket may be admitted again.
CREATE TABLE "check_ins" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ticket_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "staff_id" UUID,
    "staff_email" TEXT NOT NULL,
    "door" TEXT NOT NULL,
    -- The scanner's own id of a scan: an offline scan uploaded twice is recorded once.
    "scan_id" UUID,
    -- When the door scanned it: the phone's clock for a scan made offline, else the server's.
    "scanned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "offline" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    "undone_at" TIMESTAMPTZ(3),
    "undone_by" TEXT,
    CONSTRAINT "check_ins_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "check_ins_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE,
    CONSTRAINT "check_ins_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "event_sessions"("id") ON DELETE CASCADE,
    CONSTRAINT "check_ins_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "users"("id") ON DELETE SET NULL,
    CONSTRAINT "check_ins_undone_check" CHECK (("undone_at" IS NULL) = ("undone_by" IS NULL))
);
CREATE UNIQUE INDEX "check_ins_admitted_ticket_key" ON "check_ins"("ticket_id") WHERE "undone_at" IS NULL;
CREATE UNIQUE INDEX "check_ins_scan_id_key" ON "check_ins"("scan_id");
CREATE INDEX "check_ins_session_id_created_at_idx" ON "check_ins"("session_id", "created_at");

-- An admission made offline that did not stand when it was uploaded: the ticket had already
-- been admitted (at another door, or online), or had become void or refunded since the door's
-- last sync. Kept for the admin, never dropped.
CREATE TABLE "check_in_conflicts" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "ticket_id" UUID NOT NULL,
    "session_id" UUID NOT NULL,
    "staff_id" UUID,
    "staff_email" TEXT NOT NULL,
    "door" TEXT NOT NULL,
    "scan_id" UUID NOT NULL,
    "scanned_at" TIMESTAMPTZ(3) NOT NULL,
    -- already_checked_in, void, refunded, not_valid, other_event
    "reason" TEXT NOT NULL,
    -- The admission that stood when this one was uploaded.
    "check_in_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    CONSTRAINT "check_in_conflicts_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "check_in_conflicts_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE,
    CONSTRAINT "check_in_conflicts_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "event_sessions"("id") ON DELETE CASCADE,
    CONSTRAINT "check_in_conflicts_staff_id_fkey" FOREIGN KEY ("staff_id") REFERENCES "users"("id") ON DELETE SET NULL,
    CONSTRAINT "check_in_conflicts_check_in_id_fkey" FOREIGN KEY ("check_in_id") REFERENCES "check_ins"("id") ON DELETE SET NULL
);
CREATE UNIQUE INDEX "check_in_conflicts_scan_id_key" ON "check_in_conflicts"("scan_id");
CREATE INDEX "check_in_conflicts_session_id_created_at_idx" ON "check_in_conflicts"("session_id", "created_at");

-- The door list, the door figures and the no-show rate read a session's tickets through
-- their ticket type.
CREATE INDEX "tickets_ticket_type_id_idx" ON "tickets"("ticket_type_id");

-- A token a partner's scanner app holds: it may check tickets in (for the events its user is
-- staff of) and nothing else. Not used in this migration (a new enum value cannot be, in the
-- transaction that adds it).
ALTER TYPE "api_token_scope" ADD VALUE 'check_in';
