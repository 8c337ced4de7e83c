-- Ticket type names in other languages (issue 33), like an event's texts: `name` is written in
-- the event's language, `name_translations` holds the same name in other languages by locale,
-- e.g. {"pt": "Entrada geral", "de": "Eintritt"}. A few words per type: a column, not a table.
ALTER TABLE "ticket_types" ADD COLUMN "name_translations" jsonb NOT NULL DEFAULT '{}'::jsonb;
ALTER TABLE "ticket_types" ADD CONSTRAINT "ticket_types_name_translations_object" CHECK (jsonb_typeof("name_translations") = 'object');
