-- A holder for every ticket, and questions to the buyer (issue 27, items 3 and 4).
--
-- Holders: each ticket carries its holder's name (the buyer's unless given) and optional
-- email. The buyer may change a holder until `events.holder_change_cutoff_minutes` before the
-- start; a change re-issues the ticket: the old row is voided (the door refuses its code
-- online at once, offline after the next sync of the door list, which lists void tickets) and
-- a new row, with a new id and so a new signed code and short code, points back to it.
ALTER TABLE "events" ADD COLUMN "holder_change_cutoff_minutes" integer NOT NULL DEFAULT 120
  CHECK ("holder_change_cutoff_minutes" BETWEEN 0 AND 43200);
ALTER TABLE "tickets" ADD COLUMN "holder_email" text,
  ADD COLUMN "answers" jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN "reissued_from" uuid UNIQUE REFERENCES "tickets"("id");

-- What the buyer said at checkout, kept with the order until its tickets are issued:
--   attendees: one entry per place, in the quote's order ({ticketTypeId|null, name, email, answers});
--   answers: the answers asked once per order, by question id.
ALTER TABLE "orders" ADD COLUMN "attendees" jsonb NOT NULL DEFAULT '[]',
  ADD COLUMN "answers" jsonb NOT NULL DEFAULT '{}';

-- A question an event asks its buyers (lib/questions): of the whole event or of one ticket
-- type; once per order or once per ticket; shown in the door list when `show_at_door`.
CREATE TYPE "question_kind" AS ENUM ('short_text', 'long_text', 'one_choice', 'several_choices', 'yes_no', 'number', 'date');
CREATE TABLE "event_questions" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
  "ticket_type_id" uuid REFERENCES "ticket_types"("id") ON DELETE CASCADE,
  "kind" "question_kind" NOT NULL,
  "label" text NOT NULL CHECK (length(btrim("label")) BETWEEN 1 AND 200),
  -- The label in other languages than the event's, by locale: {"pt": "Restrições alimentares"}.
  "label_translations" jsonb NOT NULL DEFAULT '{}',
  -- For the two choice kinds: [{"id": "veg", "label": "Vegetarian", "labelTranslations": {...}}, ...].
  "options" jsonb NOT NULL DEFAULT '[]',
  "required" boolean NOT NULL DEFAULT false,
  "per_ticket" boolean NOT NULL DEFAULT false,
  "show_at_door" boolean NOT NULL DEFAULT false,
  "sort_order" integer NOT NULL DEFAULT 0,
  "created_at" timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "event_questions_choices_have_options"
    CHECK ("kind" NOT IN ('one_choice', 'several_choices') OR jsonb_array_length("options") >= 1),
  -- A question of one ticket type is about each of its tickets.
  CONSTRAINT "event_questions_type_is_per_ticket" CHECK ("ticket_type_id" IS NULL OR "per_ticket")
);
CREATE INDEX "event_questions_event_id_idx" ON "event_questions" ("event_id", "sort_order");
