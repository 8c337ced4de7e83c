-- An event can forbid passing tickets on (issue 29.2): then a ticket's holder cannot be changed
-- (ticket_change_holder refuses `transfers_forbidden`). Allowed unless the organiser says so.
ALTER TABLE "events" ADD COLUMN "transfers_forbidden" boolean NOT NULL DEFAULT false;
