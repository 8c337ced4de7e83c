-- Event content in more than one language. `language` is the language an event is written
-- in (its title, summary and description columns); event_translations holds the same three
-- texts in other languages, one row per language. Pages show the reader's language and fall
-- back to the original, marked as such (lib/catalog/localise.ts).
ALTER TABLE "events" ADD COLUMN "language" text NOT NULL DEFAULT 'en';
ALTER TABLE "events" ADD CONSTRAINT "events_language_check" CHECK ("language" IN ('en', 'pt', 'es', 'ca', 'de'));

CREATE TABLE "event_translations" (
  "event_id" uuid NOT NULL REFERENCES "events"("id") ON DELETE CASCADE,
  "locale" text NOT NULL CHECK ("locale" IN ('en', 'pt', 'es', 'ca', 'de')),
  "title" text NOT NULL CHECK (length(trim("title")) > 0),
  "summary" text NOT NULL,
  "description" text NOT NULL,
  "updated_at" timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY ("event_id", "locale")
);
