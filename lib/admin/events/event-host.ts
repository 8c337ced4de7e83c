import "server-only";
import type { Tx } from "@/lib/db/transaction";
import type { AdminActor } from "../authorize";
import { AdminError } from "../errors";
import { hostToWrite } from "../host-scope";
import { readVenue, type Venue } from "./check-event-rules";
import type { EventInput } from "./schemas";

const CHECK_FIELDS = "Check the highlighted fields.";

/**
 * Whose event it is and where (issue 30): the host asked for (within the actor's scope), or a
 * member's only host, or for the platform admin who names none the venue's host; the venue
 * must be one of the actor's venues and that host's (the database's events → venues (id,
 * host_id) key guards the same). Another host's venue reads as a missing one.
 */
export async function eventHostAndVenue(db: Tx, actor: AdminActor, input: Pick<EventInput, "venueId" | "hostId">): Promise<{ hostId: string; venue: Venue }> {
  const asked = hostToWrite(actor, input.hostId);
  const venue = await readVenue(db, input.venueId, actor.scope);
  if (!venue) throw new AdminError("validation_failed", CHECK_FIELDS, { venueId: "Choose a venue" });
  const hostId = asked ?? venue.host_id;
  if (venue.host_id !== hostId) throw new AdminError("validation_failed", CHECK_FIELDS, { venueId: "Choose one of this host's venues" });
  return { hostId, venue };
}
