// What a buyer decides on, read off an event's upcoming sessions and bookable resources:
// the next date on sale, the lowest price, and how many places are left.
import { availabilityOf } from "./catalog-sql";
import type { Availability, EventDetail, SessionView } from "./types";

export type EventSummary = {
  /** The first session still on sale with places left, else the first on sale, else null. */
  nextSession: SessionView | null;
  /** How many more sessions are on sale after `nextSession`. */
  moreDates: number;
  /** The lowest price over sessions on sale and bookable resources (null when nothing is sold). */
  priceFromMinor: number | null;
  currency: string | null;
  /** Places left over sessions on sale (null for a bookable experience without sessions). */
  remaining: number | null;
  availability: Availability;
};

export function summarizeEvent(event: Pick<EventDetail, "sessions" | "resources">): EventSummary {
  const onSale = event.sessions.filter((session) => session.onSale);
  const nextSession = onSale.find((session) => session.remaining > 0) ?? onSale[0] ?? null;
  // "From €12" only where €12 can still be bought: a sold-out type is no offer (unless all are).
  const types = onSale.flatMap((session) => session.ticketTypes);
  const buyable = types.filter((type) => type.remaining > 0);
  const prices = [
    ...(buyable.length > 0 ? buyable : types).map((type) => ({ minor: type.priceMinor, currency: type.currency })),
    ...event.resources.map((resource) => ({ minor: resource.priceMinorPerSlot, currency: resource.currency })),
  ].sort((a, b) => a.minor - b.minor);
  const remaining = onSale.length > 0 ? onSale.reduce((sum, session) => sum + session.remaining, 0) : null;
  const capacity = onSale.reduce((sum, session) => sum + session.ticketTypes.reduce((total, type) => total + type.capacity, 0), 0);
  return {
    nextSession,
    moreDates: nextSession ? onSale.length - 1 : 0,
    priceFromMinor: prices[0]?.minor ?? null,
    currency: prices[0]?.currency ?? null,
    remaining,
    availability: remaining === null || event.resources.length > 0 ? "available" : availabilityOf(remaining, capacity),
  };
}
