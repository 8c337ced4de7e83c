import "server-only";
import type { Tx } from "@/lib/db/transaction";
import type { Locale } from "@/lib/i18n/locales";
import { AdminError } from "../errors";
import type { EventInput, TicketTypeInput } from "./schemas";
import { localToInstant } from "./session-times";
import { writePriceTiers, writeQuotas } from "./write-event-box-office";

/** The texts filled in, other than in the event's own language (that one is the row's own text). */
export function nameTranslationsOf(names: TicketTypeInput["nameTranslations"], language: Locale): Partial<Record<Locale, string>> {
  return Object.fromEntries(Object.entries(names).filter(([locale, name]) => locale !== language && Boolean(name)));
}

export type ExistingChildren = {
  /** Live (not cancelled) sessions of the event and their ticket type ids. */
  sessions: { id: string; ticketTypeIds: string[] }[];
  resourceIds: string[];
};

/**
 * Ids in the input that are not this event's own rows: a session, ticket type or experience is
 * updated by its id, so an id of another event's row (or one removed meanwhile) must be
 * refused, never written. Field paths as the form names them.
 */
function foreignChildErrors(input: EventInput, existing: ExistingChildren): Record<string, string> {
  const sessionIds = new Set(existing.sessions.map((session) => session.id));
  const typeIds = new Set(existing.sessions.flatMap((session) => session.ticketTypeIds));
  const resourceIds = new Set(existing.resourceIds);
  const errors: Record<string, string> = {};
  input.sessions.forEach((session, index) => {
    if (session.id && !sessionIds.has(session.id)) errors[`sessions.${index}.id`] = "Not a session of this event (reload the page)";
    session.ticketTypes.forEach((type, typeIndex) => {
      if (type.id && !typeIds.has(type.id)) errors[`sessions.${index}.ticketTypes.${typeIndex}.id`] = "Not a ticket type of this event (reload the page)";
    });
  });
  input.resources.forEach((resource, index) => {
    if (resource.id && !resourceIds.has(resource.id)) errors[`resources.${index}.id`] = "Not a bookable experience of this event (reload the page)";
  });
  return errors;
}

/**
 * Makes the event's sessions, ticket types (with their sale windows, price tiers and the
 * session's shared capacities) and bookable experiences what the input says:
 * rows with an id are updated, rows without one inserted, rows left out deleted (the caller
 * has checked that nothing sold refers to them, and holds the ticket type and resource locks).
 * Returns the ticket type ids by place (`[session][type]`), new ones included: the questions
 * of a new ticket type name it by its place.
 */
export async function writeEventChildren(
  tx: Tx,
  options: {
    eventId: string;
    venueId: string;
    input: EventInput;
    instants: { startsAt: Date; endsAt: Date }[];
    /** The venue's: sale windows and tier dates are its wall clock. */
    timeZone: string;
    existing: ExistingChildren;
  },
): Promise<string[][]> {
  const { eventId, venueId, input, instants, existing, timeZone } = options;
  const at = (local: string | undefined) => (local === undefined ? null : localToInstant(local, timeZone));
  const foreign = foreignChildErrors(input, existing);
  if (Object.keys(foreign).length > 0) throw new AdminError("validation_failed", "Check the highlighted fields.", foreign);
  const typeIds: string[][] = [];
  const sessionIds: string[] = [];

  const keptSessionIds = new Set(input.sessions.flatMap((session) => (session.id ? [session.id] : [])));
  const keptTypeIds = new Set(input.sessions.flatMap((session) => session.ticketTypes.flatMap((type) => (type.id ? [type.id] : []))));
  const keptResourceIds = new Set(input.resources.flatMap((resource) => (resource.id ? [resource.id] : [])));
  const removedSessionIds = existing.sessions.filter((session) => !keptSessionIds.has(session.id)).map((session) => session.id);
  const removedTypeIds = existing.sessions.flatMap((session) => session.ticketTypeIds).filter((id) => !keptTypeIds.has(id));
  const removedResourceIds = existing.resourceIds.filter((id) => !keptResourceIds.has(id));

  if (removedTypeIds.length > 0) await tx.$executeRaw`DELETE FROM ticket_types WHERE id = ANY(${removedTypeIds}::uuid[])`;
  if (removedSessionIds.length > 0) await tx.$executeRaw`DELETE FROM event_sessions WHERE id = ANY(${removedSessionIds}::uuid[])`;
  if (removedResourceIds.length > 0) await tx.$executeRaw`DELETE FROM resources WHERE id = ANY(${removedResourceIds}::uuid[])`;

  // The exclusion constraint is checked row by row, not at commit: moving session A into
  // the time session B is leaving (shift every date by two hours, swap two dates) would
  // clash with B's old time halfway through. So the kept sessions leave the constraint
  // (it ignores cancelled rows) and come back one by one with their final times; each is
  // then checked against final rows only. Nothing outside this transaction sees the flip.
  if (keptSessionIds.size > 0) {
    await tx.$executeRaw`UPDATE event_sessions SET cancelled = true WHERE id = ANY(${[...keptSessionIds]}::uuid[])`;
  }

  for (const [index, session] of input.sessions.entries()) {
    const { startsAt, endsAt } = instants[index];
    let sessionId = session.id;
    if (sessionId) {
      await tx.$executeRaw`
        UPDATE event_sessions SET venue_id = ${venueId}::uuid, starts_at = ${startsAt}, ends_at = ${endsAt}, cancelled = false, modified_at = clock_timestamp()
         WHERE id = ${sessionId}::uuid`;
    } else {
      const [created] = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO event_sessions (event_id, venue_id, starts_at, ends_at) VALUES (${eventId}::uuid, ${venueId}::uuid, ${startsAt}, ${endsAt})
        RETURNING id`;
      sessionId = created.id;
    }
    sessionIds.push(sessionId);
    const sessionTypeIds: string[] = [];
    typeIds.push(sessionTypeIds);
    for (const [sortOrder, type] of session.ticketTypes.entries()) {
      const names = JSON.stringify(nameTranslationsOf(type.nameTranslations, input.language));
      if (type.id) {
        await tx.$executeRaw`
          UPDATE ticket_types SET name = ${type.name}, name_translations = ${names}::jsonb, description = ${type.description}, price_minor = ${type.price},
                 currency = ${type.currency}, capacity = ${type.capacity}, sort_order = ${sortOrder},
                 sales_start = ${at(type.salesStart)}::timestamptz, sales_end = ${at(type.salesEnd)}::timestamptz, hidden = ${type.hidden}
           WHERE id = ${type.id}::uuid`;
        sessionTypeIds.push(type.id);
      } else {
        const [created] = await tx.$queryRaw<{ id: string }[]>`
          INSERT INTO ticket_types (session_id, name, name_translations, description, price_minor, currency, capacity, sort_order, sales_start, sales_end, hidden)
          VALUES (${sessionId}::uuid, ${type.name}, ${names}::jsonb, ${type.description}, ${type.price}, ${type.currency}, ${type.capacity}, ${sortOrder},
                  ${at(type.salesStart)}::timestamptz, ${at(type.salesEnd)}::timestamptz, ${type.hidden})
          RETURNING id`;
        sessionTypeIds.push(created.id);
      }
    }
  }

  await writePriceTiers(tx, { input, typeIds, timeZone });
  await writeQuotas(tx, { eventId, input, typeIds, sessionIds });

  for (const resource of input.resources) {
    if (resource.id) {
      await tx.$executeRaw`
        UPDATE resources SET venue_id = ${venueId}::uuid, name = ${resource.name}, opens_minute = ${resource.opensAt}, closes_minute = ${resource.closesAt},
               slot_minutes = ${resource.slotMinutes}, min_minutes = ${resource.minMinutes}, max_minutes = ${resource.maxMinutes},
               price_minor_per_slot = ${resource.price}, currency = ${resource.currency}
         WHERE id = ${resource.id}::uuid`;
    } else {
      await tx.$executeRaw`
        INSERT INTO resources (event_id, venue_id, name, opens_minute, closes_minute, slot_minutes, min_minutes, max_minutes, price_minor_per_slot, currency)
        VALUES (${eventId}::uuid, ${venueId}::uuid, ${resource.name}, ${resource.opensAt}, ${resource.closesAt}, ${resource.slotMinutes},
                ${resource.minMinutes}, ${resource.maxMinutes}, ${resource.price}, ${resource.currency})`;
    }
  }
  return typeIds;
}
