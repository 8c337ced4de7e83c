-- Word to attendees (issue 29.4): an admin's message to everyone holding a valid ticket for a
-- session or an event, and an automatic reminder a set time before the start.

-- Where attendees meet (shown on the event page and in the reminder), and how many hours
-- before the start the reminder goes out (0: no reminder; at most two weeks).
ALTER TABLE "events"
  ADD COLUMN "meeting_point" TEXT,
  ADD COLUMN "reminder_hours_before" SMALLINT NOT NULL DEFAULT 24,
  ADD CONSTRAINT "events_meeting_point_length" CHECK (char_length("meeting_point") BETWEEN 1 AND 500),
  ADD CONSTRAINT "events_reminder_hours_before_range" CHECK ("reminder_hours_before" BETWEEN 0 AND 336);

-- One email's fate: pending until the job sends it, sent, failed (the provider refused it or
-- every attempt failed), skipped (nobody held a valid ticket any more when it was its turn).
CREATE TYPE "delivery_status" AS ENUM ('pending', 'sent', 'failed', 'skipped');

-- A message as the admin wrote it; session_id NULL: to the whole event. fanned_out_at is set
-- in the transaction that wrote its recipients, so a repeated fan-out job adds nobody.
CREATE TABLE "attendee_messages" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "event_id" UUID NOT NULL,
    "session_id" UUID,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fanned_out_at" TIMESTAMPTZ(3),
    CONSTRAINT "attendee_messages_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "attendee_messages_subject_length" CHECK (char_length("subject") BETWEEN 1 AND 150),
    CONSTRAINT "attendee_messages_body_length" CHECK (char_length("body") BETWEEN 1 AND 5000)
);
CREATE INDEX "attendee_messages_event_id_created_at_idx" ON "attendee_messages"("event_id", "created_at");
ALTER TABLE "attendee_messages" ADD CONSTRAINT "attendee_messages_event_id_fkey" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "attendee_messages" ADD CONSTRAINT "attendee_messages_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "event_sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "attendee_messages" ADD CONSTRAINT "attendee_messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One row per address (lower case): an address holding three tickets gets one email.
CREATE TABLE "attendee_message_recipients" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "message_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "status" "delivery_status" NOT NULL DEFAULT 'pending',
    "error" TEXT,
    "sent_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "attendee_message_recipients_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "attendee_message_recipients_email_lower" CHECK ("email" = lower("email"))
);
CREATE UNIQUE INDEX "attendee_message_recipients_message_id_email_key" ON "attendee_message_recipients"("message_id", "email");
ALTER TABLE "attendee_message_recipients" ADD CONSTRAINT "attendee_message_recipients_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "attendee_messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The reminder before the start: at most one per ticket and kind, enforced here (the primary
-- key), not by timing, so any number of scanning workers, retries and restarts send each
-- ticket's reminder once. Tickets of one order going to one address share a batch: one email.
CREATE TABLE "ticket_reminders" (
    "ticket_id" UUID NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'before_start',
    "batch_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "status" "delivery_status" NOT NULL DEFAULT 'pending',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "ticket_reminders_pkey" PRIMARY KEY ("ticket_id", "kind"),
    CONSTRAINT "ticket_reminders_kind" CHECK ("kind" IN ('before_start'))
);
CREATE INDEX "ticket_reminders_batch_id_idx" ON "ticket_reminders"("batch_id");
ALTER TABLE "ticket_reminders" ADD CONSTRAINT "ticket_reminders_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- attendee_tickets reaches a booking's tickets by booking_id (the reminder scan, every tick).
CREATE INDEX "tickets_booking_id_idx" ON "tickets"("booking_id");
