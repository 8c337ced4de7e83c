-- A fair on-sale (issue 28, item 4): one line per scheduled opening, kept here so that every
-- app process and instance shares it. Buyers get a place in arrival order (1, 2, 3… per line);
-- the front of the line is let through at a set pace once sales open; a place whose buyer
-- stopped asking is passed over. The functions are prisma/functions/sale_line_*.sql.

-- One line per event and opening instant (the event's earliest sales_start): a rescheduled
-- opening starts a new line. `last_position` hands out positions in arrival order.
CREATE TABLE "sale_lines" (
  "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
  "opens_at" timestamptz(3) NOT NULL,
  "last_position" bigint NOT NULL DEFAULT 0 CHECK ("last_position" >= 0),
  "created_at" timestamptz(3) NOT NULL DEFAULT now(),
  CONSTRAINT "sale_lines_event_id_opens_at_key" UNIQUE ("event_id", "opens_at")
);

-- The front of a line, apart from `sale_lines` so that joining (which bumps last_position)
-- and letting buyers through never wait on each other's row lock. Every position up to
-- `admitted_through` has been let through or passed over; `credit` is the fraction of a
-- buyer the pace has earned but not yet spent.
CREATE TABLE "sale_line_fronts" (
  "line_id" uuid PRIMARY KEY REFERENCES "sale_lines"("id") ON DELETE CASCADE,
  "admitted_through" bigint NOT NULL DEFAULT 0 CHECK ("admitted_through" >= 0),
  "credit" double precision NOT NULL DEFAULT 0,
  "stepped_at" timestamptz(3),
  "admitted" integer NOT NULL DEFAULT 0 CHECK ("admitted" >= 0)
);

-- waiting → admitted (let through; a short window to buy) → done (bought, or the window
-- passed); waiting → left (no sign of the buyer for a while: passed over).
CREATE TYPE "sale_line_state" AS ENUM ('waiting', 'admitted', 'done', 'left');

-- A place, bound to its buyer: 'user:<id>' (an account, by token or session), 'guest:<email>'
-- (the JSON API without a token) or 'visitor:<id>' (a browser without an account, from its
-- signed cookie). One live place per buyer and line: asking again keeps the same place.
CREATE TABLE "sale_line_places" (
  "line_id" uuid NOT NULL REFERENCES "sale_lines"("id") ON DELETE CASCADE,
  "position" bigint NOT NULL CHECK ("position" >= 1),
  "buyer" text NOT NULL CHECK (length("buyer") BETWEEN 3 AND 400),
  "state" "sale_line_state" NOT NULL DEFAULT 'waiting',
  "joined_at" timestamptz(3) NOT NULL DEFAULT now(),
  "seen_at" timestamptz(3) NOT NULL DEFAULT now(),
  "admitted_at" timestamptz(3),
  "done_at" timestamptz(3),
  PRIMARY KEY ("line_id", "position"),
  CONSTRAINT "sale_line_places_admitted_has_time" CHECK ("state" IN ('waiting', 'left') OR "admitted_at" IS NOT NULL)
);
CREATE UNIQUE INDEX "sale_line_places_one_live_per_buyer" ON "sale_line_places" ("line_id", "buyer") WHERE "state" IN ('waiting', 'admitted');
CREATE INDEX "sale_line_places_waiting_idx" ON "sale_line_places" ("line_id", "position") WHERE "state" = 'waiting';
CREATE INDEX "sale_line_places_admitted_idx" ON "sale_line_places" ("line_id", "admitted_at") WHERE "state" = 'admitted';
