import "server-only";
import { canRunPlatform, inHostScope } from "@/lib/auth/policy";
import type { Db } from "@/lib/db/transaction";
import type { AdminActor } from "../authorize";
import type { VoucherRules } from "./schemas";

const GONE = "An event you chose no longer exists; reload the page";

/**
 * Whose voucher it is (issue 30): the host of the events (or ticket types) it names, which
 * must be one host within the actor's scope; another host's event answers as a missing one.
 * A voucher for every event (an empty scope) is the platform's, so only the platform admin
 * makes one (hostId null: the platform's host). A host's code thus only ever covers its own
 * events, and the buying side (voucher_covers) needs no change.
 */
export async function voucherHostProblem(db: Db, actor: AdminActor, rules: Pick<VoucherRules, "eventIds" | "ticketTypeIds">): Promise<{ hostId: string | null } | { errors: Record<string, string> }> {
  const hosts = await db.$queryRaw<{ host_id: string }[]>`
    SELECT DISTINCT e.host_id FROM events e
     WHERE e.id = ANY(${rules.eventIds}::uuid[])
        OR e.id IN (SELECT s.event_id FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id WHERE tt.id = ANY(${rules.ticketTypeIds}::uuid[]))`;
  if (hosts.some((row) => !inHostScope(actor.scope, row.host_id))) {
    return { errors: rules.eventIds.length > 0 ? { eventIds: GONE } : { ticketTypeIds: "A ticket type you chose no longer exists; reload the page" } };
  }
  if (hosts.length > 1) return { errors: { eventIds: "A voucher belongs to one host: choose events of one host only" } };
  if (hosts.length === 1) return { hostId: hosts[0].host_id };
  if (rules.eventIds.length > 0 || rules.ticketTypeIds.length > 0) return { hostId: null }; // all gone: the rules say so
  return canRunPlatform(actor) ? { hostId: null } : { errors: { eventIds: "Choose at least one of your events" } };
}
