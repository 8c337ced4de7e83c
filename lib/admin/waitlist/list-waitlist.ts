import "server-only";
import { formatShortDayTime, formatTime } from "@/lib/catalog/format-when";
import { sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { assertAdmin, type Actor } from "../authorize";
import { isRowInScope } from "../host-scope";

// The admin's view of an event's waiting lists (issue 29.3): per ticket type, its places and
// every live or ended entry in line order, with where a waiting one stands; per bookable
// resource, the entries waiting for its time ranges (docs/decisions/0021), each range on the
// venue's clock.

export type WaitlistRow = {
  id: string;
  position: number | null;
  email: string;
  name: string;
  quantity: number;
  status: "waiting" | "offered" | "used" | "expired" | "left";
  createdAt: Date;
  offerExpiresAt: Date | null;
  code: string | null;
};
export type WaitlistType = { id: string; name: string; sessionStartsAt: Date; capacity: number; sold: number; held: number; available: number; entries: WaitlistRow[] };
export type WaitlistRangeRow = WaitlistRow & { startsAt: Date; endsAt: Date; range: string };
export type WaitlistResource = { id: string; name: string; timeZone: string; entries: WaitlistRangeRow[] };
export type EventWaitlist = { eventId: string; title: string; types: WaitlistType[]; resources: WaitlistResource[] };

export async function listEventWaitlist(options: { actor: Actor | null; eventId: string }): Promise<EventWaitlist | null> {
  const actor = await assertAdmin(options.actor);
  // Another host's event is as missing as one that does not exist (docs/decisions/0019).
  if (!isUuid(options.eventId) || !(await isRowInScope(actor, "event", options.eventId))) return null;
  const [event] = await sql<{ id: string; title: string }>`SELECT id, title FROM events WHERE id = ${options.eventId}::uuid`;
  if (!event) return null;
  const types = await sql<Omit<WaitlistType, "entries">>`
    SELECT tt.id, tt.name, s.starts_at AS "sessionStartsAt", tt.capacity, tt.sold, tt.held, ticket_type_available(tt.id) AS available
      FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id
     WHERE s.event_id = ${options.eventId}::uuid
     ORDER BY s.starts_at, tt.sort_order, tt.id`;
  const rows = await sql<WaitlistRow & { ticketTypeId: string }>`
    SELECT w.id, w.ticket_type_id AS "ticketTypeId", w.email, w.name, w.quantity, w.status::text AS status, w.created_at AS "createdAt",
           w.offer_expires_at AS "offerExpiresAt", v.code,
           CASE WHEN w.status = 'waiting'
                THEN (row_number() OVER (PARTITION BY w.ticket_type_id, w.status = 'waiting' ORDER BY w.created_at, w.id))::int END AS position
      FROM waitlist_entries w LEFT JOIN vouchers v ON v.id = w.voucher_id
     WHERE w.event_id = ${options.eventId}::uuid AND w.ticket_type_id IS NOT NULL
     ORDER BY w.ticket_type_id, w.created_at, w.id`;
  return {
    eventId: event.id,
    title: event.title,
    types: types.map((type) => ({ ...type, entries: rows.filter((row) => row.ticketTypeId === type.id) })),
    resources: await listRangeEntries(options.eventId),
  };
}

/** The event's resources and the entries waiting for their time ranges, in line order; a waiting one's position counts those before it for an overlapping range. */
async function listRangeEntries(eventId: string): Promise<WaitlistResource[]> {
  const resources = await sql<Omit<WaitlistResource, "entries">>`
    SELECT r.id, r.name, v.time_zone AS "timeZone" FROM resources r JOIN venues v ON v.id = r.venue_id
     WHERE r.event_id = ${eventId}::uuid ORDER BY r.name, r.id`;
  const rows = await sql<Omit<WaitlistRangeRow, "range"> & { resourceId: string }>`
    SELECT w.id, w.resource_id AS "resourceId", w.email, w.name, w.quantity, w.status::text AS status, w.created_at AS "createdAt",
           w.offer_expires_at AS "offerExpiresAt", NULL AS code, w.starts_at AS "startsAt", w.ends_at AS "endsAt",
           waitlist_position(w.id) AS position
      FROM waitlist_entries w
     WHERE w.event_id = ${eventId}::uuid AND w.resource_id IS NOT NULL
     ORDER BY w.resource_id, w.created_at, w.id`;
  const now = new Date();
  return resources.map((resource) => ({
    ...resource,
    entries: rows
      .filter((row) => row.resourceId === resource.id)
      .map((row) => ({ ...row, range: `${formatShortDayTime(row.startsAt, resource.timeZone, now)}–${formatTime(row.endsAt, resource.timeZone)}` })),
  }));
}
