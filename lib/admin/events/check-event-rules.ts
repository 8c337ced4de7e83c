import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { hostSaleBlock } from "@/lib/payouts/host-sale-block";
import { formatInZone } from "@/lib/time";
import type { EventInput } from "./schemas";
import { localToInstant } from "./session-times";

const NO_EVENT = "00000000-0000-0000-0000-000000000000";

export type Venue = { id: string; name: string; time_zone: string; host_id: string };

/** The venue, when it is one of `hosts` ("all": any); another host's venue reads as none. */
export async function readVenue(tx: Tx, venueId: string, hosts: "all" | readonly string[] = "all"): Promise<Venue | null> {
  const [venue] = await tx.$queryRaw<Venue[]>`SELECT id, name, time_zone, host_id FROM venues WHERE id = ${venueId}::uuid`;
  return venue && (hosts === "all" || hosts.includes(venue.host_id)) ? venue : null;
}

/** Session instants of the input, in input order. */
export function sessionInstants(input: EventInput, timeZone: string): { startsAt: Date; endsAt: Date }[] {
  return input.sessions.map((session) => ({ startsAt: localToInstant(session.startsAt, timeZone), endsAt: localToInstant(session.endsAt, timeZone) }));
}

/**
 * The rules that need the database, as field errors: a free web address, no session
 * overlapping another event's session at the venue, new sessions in the future, and no
 * publishing for a host whose Stripe account may not take charges yet (docs/decisions/0020;
 * an event already published stays so, and the buying path refuses it as not on sale).
 * The exclusion constraint `event_sessions_no_venue_overlap` still guards the overlap
 * rule against a concurrent save; this check only gives the admin a precise message.
 */
export async function checkEventRules(
  tx: Tx,
  options: { eventId: string | null; input: EventInput; venue: Venue; now?: Date },
): Promise<Record<string, string>> {
  const { input, venue } = options;
  const eventId = options.eventId ?? NO_EVENT;
  const now = options.now ?? new Date();
  const errors: Record<string, string> = {};

  const [slugTaken] = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM events WHERE slug = ${input.slug} AND id <> ${eventId}::uuid LIMIT 1`;
  if (slugTaken) errors.slug = "Another event already uses this web address";

  if (input.status === "published") {
    const [current] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM events WHERE id = ${eventId}::uuid`;
    const blocked = current?.status === "published" ? null : await hostSaleBlock(tx, venue.host_id);
    if (blocked) errors.status = blocked;
  }

  const instants = sessionInstants(input, venue.time_zone);
  input.sessions.forEach((session, index) => {
    if (!session.id && instants[index].startsAt <= now) errors[`sessions.${index}.startsAt`] = "Choose a time in the future";
  });

  if (instants.length > 0) {
    // One probe per session; each is an index scan of the exclusion constraint's GiST index.
    const clashes = await tx.$queryRaw<{ idx: bigint; title: string; starts_at: Date; ends_at: Date }[]>`
      SELECT t.idx, e.title, s.starts_at, s.ends_at
        FROM unnest(${instants.map((i) => i.startsAt)}::timestamptz[], ${instants.map((i) => i.endsAt)}::timestamptz[])
             WITH ORDINALITY AS t(starts_at, ends_at, idx)
        CROSS JOIN LATERAL (
          SELECT s.starts_at, s.ends_at, s.event_id FROM event_sessions s
           WHERE s.venue_id = ${venue.id}::uuid AND NOT s.cancelled AND s.event_id <> ${eventId}::uuid
             AND tstzrange(s.starts_at, s.ends_at) && tstzrange(t.starts_at, t.ends_at)
           ORDER BY s.starts_at LIMIT 1) s
        JOIN events e ON e.id = s.event_id`;
    for (const clash of clashes) {
      const when = (instant: Date, withDay: boolean) =>
        formatInZone(instant, venue.time_zone, withDay ? { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" } : { hour: "2-digit", minute: "2-digit" });
      const sameDay = formatInZone(clash.starts_at, venue.time_zone, { dateStyle: "short" }) === formatInZone(clash.ends_at, venue.time_zone, { dateStyle: "short" });
      errors[`sessions.${Number(clash.idx) - 1}.startsAt`] ??=
        `${venue.name} already hosts “${clash.title}” from ${when(clash.starts_at, true)} to ${when(clash.ends_at, !sameDay)}: a venue can host one session at a time. Choose another time.`;
    }
  }
  return errors;
}

/** Message for an overlap the database caught (a concurrent save got there first). */
export const OVERLAP_MESSAGE = "Another session at this venue overlaps one of these sessions (it was saved a moment ago). Reload the page to see it, then choose another time.";
