import "server-only";
import { afterPublicChange } from "@/lib/cache/public-pages";
import { prisma } from "@/lib/db";
import { inTransaction, type Tx } from "@/lib/db/transaction";
import { formatInZone } from "@/lib/time";
import { assertAdmin, type Actor } from "../authorize";
import { assertRowInScope } from "../host-scope";
import { eventHostAndVenue } from "./event-host";
import { writeAudit } from "../audit";
import { checkEventRules, sessionInstants, type Venue } from "./check-event-rules";
import type { SavedEvent } from "./create-event";
import { AdminError } from "../errors";
import { snapshotEvent } from "./event-snapshot";
import { mapEventWriteError } from "./map-event-write-error";
import type { ImageUpload } from "./prepare-event-image";
import { eventColumns, ZUpdateEvent, type UpdateEventInput } from "./schemas";
import { storePreparedImage } from "./store-event-image";
import { validateEventInput } from "./validate-event-input";
import { writeEventChildren, type ExistingChildren } from "./write-event-children";
import { unknownQuestionErrors, writeEventQuestions } from "./write-event-questions";
import { writeEventTranslations } from "./write-event-translations";
import { isUuid } from "@/lib/ids";

const CHECK_FIELDS = "Check the highlighted fields.";

export function versionConflictMessage(yours: number, current: number): string {
  return `Someone else saved this event while you were editing it (you started from version ${yours}, it is now version ${current}). Your changes were not saved: reload the page to see theirs, then make yours again.`;
}

/**
 * Saves an edit of an event in ONE transaction, refusing it when:
 *  - the event changed since the admin loaded it (`version` is an optimistic lock: the
 *    second of two concurrent saves finds a newer version and is refused);
 *  - a capacity would fall below what is sold or held (checked under the ticket type locks);
 *  - a removed session, ticket type or experience has orders or bookings;
 *  - a session would overlap another event's session at the venue;
 *  - a question it names was removed meanwhile.
 * Questions left out are removed; the answers given to them stay on the orders (by id).
 * Locks: the event row, then ticket types by id, then resources by id (docs/decisions/0002).
 */
export async function updateEvent(options: { actor: Actor | null; eventId: string; input: unknown; image?: ImageUpload | null }): Promise<SavedEvent> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.eventId)) throw new AdminError("not_found", "This event does not exist");
  await assertRowInScope(actor, "event", options.eventId, "This event does not exist");
  const { input, image } = await validateEventInput(ZUpdateEvent, options.input, options.image, { imageRequired: false });

  const { hostId, venue } = await eventHostAndVenue(prisma, actor, input);
  // Cheap checks before the image is stored, so a refused save leaves no orphan blob.
  const early = await checkEventRules(prisma, { eventId: options.eventId, input, venue });
  if (Object.keys(early).length > 0) throw new AdminError("validation_failed", CHECK_FIELDS, early);
  const imagePath = image ? await storePreparedImage(image) : input.imagePath;

  try {
    return await inTransaction((tx) => saveInTransaction(tx, { actor, eventId: options.eventId, input, venue, hostId, imagePath })).then(afterPublicChange);
  } catch (error) {
    throw mapEventWriteError(error);
  }
}

async function saveInTransaction(
  tx: Tx,
  options: { actor: Actor; eventId: string; input: UpdateEventInput; venue: Venue; hostId: string; imagePath: string | undefined },
): Promise<SavedEvent> {
  const { actor, eventId, input, venue } = options;
  const [event] = await tx.$queryRaw<{ id: string; version: number; status: string }[]>`
    SELECT id, version, status::text FROM events WHERE id = ${eventId}::uuid FOR UPDATE`;
  if (!event) throw new AdminError("not_found", "This event does not exist");
  if (event.version !== input.version) throw new AdminError("conflict", versionConflictMessage(input.version, event.version));
  if (event.status === "cancelled") throw new AdminError("validation_failed", "This event was cancelled; it can no longer be edited.");
  const before = await snapshotEvent(tx, eventId);

  const existingSessions = await tx.$queryRaw<{ id: string; starts_at: Date; time_zone: string }[]>`
    SELECT s.id, s.starts_at, v.time_zone FROM event_sessions s JOIN venues v ON v.id = s.venue_id
     WHERE s.event_id = ${eventId}::uuid AND NOT s.cancelled`;
  const sessionIds = existingSessions.map((session) => session.id);
  // Ticket types by id, then resources by id: the lock order of every purchase.
  const types = await tx.$queryRaw<{ id: string; session_id: string; name: string; sold: number; held: number; has_orders: boolean }[]>`
    SELECT tt.id, tt.session_id, tt.name, tt.sold, tt.held,
           EXISTS (SELECT 1 FROM order_items oi WHERE oi.ticket_type_id = tt.id) AS has_orders
      FROM ticket_types tt WHERE tt.session_id = ANY(${sessionIds}::uuid[]) ORDER BY tt.id FOR UPDATE OF tt`;
  const resources = await tx.$queryRaw<{ id: string; name: string; has_bookings: boolean }[]>`
    SELECT r.id, r.name, EXISTS (SELECT 1 FROM bookings b WHERE b.resource_id = r.id) AS has_bookings
      FROM resources r WHERE r.event_id = ${eventId}::uuid ORDER BY r.id FOR UPDATE OF r`;

  const errors: Record<string, string> = {};
  const typesById = new Map(types.map((type) => [type.id, type]));
  const sessionsById = new Map(existingSessions.map((session) => [session.id, session]));
  const resourceIds = new Set(resources.map((resource) => resource.id));

  input.sessions.forEach((session, i) => {
    if (session.id && !sessionsById.has(session.id)) errors[`sessions.${i}.startsAt`] = "This session was removed meanwhile; reload the page";
    session.ticketTypes.forEach((type, j) => {
      if (!type.id) return;
      const stored = typesById.get(type.id);
      if (!stored || stored.session_id !== session.id) {
        errors[`sessions.${i}.ticketTypes.${j}.name`] = "This ticket type was removed meanwhile; reload the page";
        return;
      }
      const taken = stored.sold + stored.held;
      if (type.capacity < taken) {
        errors[`sessions.${i}.ticketTypes.${j}.capacity`] =
          `${stored.sold} sold and ${stored.held} held right now: the capacity can't go below ${taken}`;
      }
    });
  });
  input.resources.forEach((resource, i) => {
    if (resource.id && !resourceIds.has(resource.id)) errors[`resources.${i}.name`] = "This experience was removed meanwhile; reload the page";
  });

  const keptTypeIds = new Set(input.sessions.flatMap((session) => session.ticketTypes.flatMap((type) => (type.id ? [type.id] : []))));
  const keptSessionIds = new Set(input.sessions.flatMap((session) => (session.id ? [session.id] : [])));
  const blocked = types
    .filter((type) => type.has_orders && (!keptTypeIds.has(type.id) || !keptSessionIds.has(type.session_id)))
    .map((type) => {
      const session = sessionsById.get(type.session_id)!;
      const when = formatInZone(session.starts_at, session.time_zone, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
      return `“${type.name}” (${when})`;
    });
  if (blocked.length > 0) {
    errors.sessions = `${blocked.join(", ")} ${blocked.length === 1 ? "has" : "have"} orders and can't be removed. To stop sales, set the capacity to what is sold instead.`;
  }
  const questionIds = (await tx.eventQuestion.findMany({ where: { eventId }, select: { id: true } })).map((question) => question.id);
  Object.assign(errors, unknownQuestionErrors(input, questionIds));

  const keptResourceIds = new Set(input.resources.flatMap((resource) => (resource.id ? [resource.id] : [])));
  const bookedRemoved = resources.filter((resource) => resource.has_bookings && !keptResourceIds.has(resource.id)).map((resource) => `“${resource.name}”`);
  if (bookedRemoved.length > 0) errors.resources = `${bookedRemoved.join(", ")} ${bookedRemoved.length === 1 ? "has" : "have"} bookings and can't be removed.`;

  for (const [field, message] of Object.entries(await checkEventRules(tx, { eventId, input, venue }))) errors[field] ??= message;
  if (Object.keys(errors).length > 0) throw new AdminError("validation_failed", CHECK_FIELDS, errors);

  const updated = await tx.event.update({
    where: { id: eventId },
    data: {
      ...eventColumns(input, venue.id, options.hostId),
      ...(options.imagePath ? { imagePath: options.imagePath } : {}),
      version: { increment: 1 },
    },
    select: { id: true, slug: true, version: true, status: true },
  });
  const existing: ExistingChildren = {
    sessions: existingSessions.map((session) => ({ id: session.id, ticketTypeIds: types.filter((type) => type.session_id === session.id).map((type) => type.id) })),
    resourceIds: resources.map((resource) => resource.id),
  };
  const typeIds = await writeEventChildren(tx, { eventId, venueId: venue.id, input, instants: sessionInstants(input, venue.time_zone), timeZone: venue.time_zone, existing });
  await writeEventQuestions(tx, { eventId, input, typeIds, existingIds: questionIds });
  await writeEventTranslations(tx, { eventId, language: input.language, translations: input.translations });
  await writeAudit(tx, { actor, action: "event.update", entityType: "event", entityId: eventId, before, after: await snapshotEvent(tx, eventId) });
  return updated;
}
