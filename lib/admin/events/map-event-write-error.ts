import "server-only";
import { OVERLAP_MESSAGE } from "./check-event-rules";
import { violatedConstraint } from "@/lib/errors/database";
import { AdminError, isAdminError } from "../errors";

const CONSTRAINTS = [
  "event_sessions_no_venue_overlap",
  "events_slug_key",
  "ticket_types_within_capacity",
  "order_items_ticket_type_id_fkey",
] as const;

/**
 * The database's own guards, as the admin's messages. They fire only when a concurrent
 * change got in between our checks and our writes (the checks normally say it first).
 */
export function mapEventWriteError(error: unknown): unknown {
  if (isAdminError(error)) return error;
  switch (violatedConstraint(error, CONSTRAINTS)) {
    case "event_sessions_no_venue_overlap":
      return new AdminError("overlap", OVERLAP_MESSAGE);
    case "events_slug_key":
      return new AdminError("validation_failed", "Check the highlighted fields.", { slug: "Another event already uses this web address" });
    case "ticket_types_within_capacity":
      return new AdminError("capacity", "Tickets were sold while you edited: a capacity would be below what is sold. Reload the page and try again.");
    case "order_items_ticket_type_id_fkey":
      return new AdminError("in_use", "A ticket type you removed has orders now. Reload the page and try again.");
    default:
      return error;
  }
}
