import "server-only";
import { canRunPlatform, inHostScope } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AdminActor } from "./authorize";
import { AdminError } from "./errors";

// The one place that turns an admin actor's host scope (lib/auth/policy.ts `hostScope`) into
// where clauses. Every admin read names its rows through these, so a host's member never sees
// another host's rows, and a row out of scope is "not found" (docs/decisions/0019).
// lib/admin/host-walk.integration.test.ts walks every admin page, action and route as the other host.

/** Rows that carry a host (events, venues, vouchers): `{}` for the platform admin, else their hosts'. */
export function hostWhere(actor: AdminActor): { hostId?: { in: string[] } } {
  return actor.scope === "all" ? {} : { hostId: { in: [...actor.scope] } };
}

/** Events in scope, as a relation filter (`{ event: eventWhere(actor) }` on sessions). */
export function eventWhere(actor: AdminActor): Prisma.EventWhereInput {
  return hostWhere(actor);
}

/** Orders (and anything else keyed by event id without a relation): those of events in scope. */
export async function orderWhere(actor: AdminActor): Promise<{ eventId?: { in: string[] } }> {
  const ids = await scopedEventIds(actor);
  return ids === "all" ? {} : { eventId: { in: ids } };
}

/** The ids of the events in scope, or "all". */
export async function scopedEventIds(actor: AdminActor): Promise<"all" | string[]> {
  if (actor.scope === "all") return "all";
  const events = await prisma.event.findMany({ where: hostWhere(actor), select: { id: true } });
  return events.map((event) => event.id);
}

/** The same rule in SQL, for `column` holding a host id (e.g. Prisma.sql`e.host_id`). */
export function hostSql(actor: AdminActor, column: Prisma.Sql): Prisma.Sql {
  return actor.scope === "all" ? Prisma.sql`TRUE` : Prisma.sql`${column} = ANY(${[...actor.scope]}::uuid[])`;
}

/** Refuses a row of another host (or none) as not found: a member learns nothing of what exists. */
export function assertInScope(actor: AdminActor, hostId: string | null | undefined, message = "Not found"): void {
  if (!hostId || !inHostScope(actor.scope, hostId)) throw new AdminError("not_found", message);
}

/** The host of a row, by a query that returns at most one `host_id` (none: not found). */
async function hostOf(query: Prisma.Sql): Promise<string | null> {
  const [row] = await prisma.$queryRaw<{ host_id: string }[]>(query);
  return row?.host_id ?? null;
}

/**
 * Is the row in scope? Not found otherwise: an id is all a route gets, and another host's
 * id must answer as a missing one does. The platform admin skips the read.
 */
export async function assertRowInScope(actor: AdminActor, kind: "event" | "session" | "order" | "voucher" | "check_in" | "venue", id: string, message = "Not found"): Promise<void> {
  if (!isUuid(id)) throw new AdminError("not_found", message);
  if (actor.scope === "all") return;
  const queries = {
    event: Prisma.sql`SELECT host_id FROM events WHERE id = ${id}::uuid`,
    venue: Prisma.sql`SELECT host_id FROM venues WHERE id = ${id}::uuid`,
    voucher: Prisma.sql`SELECT host_id FROM vouchers WHERE id = ${id}::uuid`,
    session: Prisma.sql`SELECT e.host_id FROM event_sessions s JOIN events e ON e.id = s.event_id WHERE s.id = ${id}::uuid`,
    order: Prisma.sql`SELECT e.host_id FROM orders o JOIN events e ON e.id = o.event_id WHERE o.id = ${id}::uuid`,
    check_in: Prisma.sql`SELECT e.host_id FROM check_ins c JOIN event_sessions s ON s.id = c.session_id JOIN events e ON e.id = s.event_id WHERE c.id = ${id}::uuid`,
  } satisfies Record<typeof kind, Prisma.Sql>;
  assertInScope(actor, await hostOf(queries[kind]), message);
}

/** The same check for a page that answers a missing row with null (then notFound()). */
export async function isRowInScope(actor: AdminActor, kind: Parameters<typeof assertRowInScope>[1], id: string): Promise<boolean> {
  return assertRowInScope(actor, kind, id).then(() => true, (error: unknown) => {
    if (error instanceof AdminError && error.code === "not_found") return false;
    throw error;
  });
}

/** Platform work (jobs, the audit log, staff for every event): refused like a missing page to a host's members. */
export function assertPlatform(actor: AdminActor): void {
  if (!canRunPlatform(actor)) throw new AdminError("forbidden", "Not found");
}

/**
 * The host a new row is written for: the one asked for when in scope; else a member's only
 * host; the platform admin without a choice writes for the platform's host (null: the
 * database's default). A member of several hosts must choose.
 */
export function hostToWrite(actor: AdminActor, asked: string | null | undefined): string | null {
  if (asked) {
    assertInScope(actor, asked, "That host");
    return asked;
  }
  if (actor.scope === "all") return null;
  if (actor.scope.length === 1) return actor.scope[0];
  throw new AdminError("validation_failed", "Choose the host", { hostId: "Choose the host" });
}
