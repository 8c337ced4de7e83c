import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { lengthRefusal } from "@/lib/orders/quote-booking";
import { listPriceOf } from "@/lib/orders/quote-tickets";
import { formatMinute, isIsoDate, localDateAndMinute } from "@/lib/time";
import { saleRulesOf } from "./event-sale-rules";
import { formatShortDay, formatTime, yearNeeded } from "./format-when";
import { getBookableDay } from "./get-event";
import type { EventDetail } from "./types";

type TypeView = EventDetail["sessions"][number]["ticketTypes"][number];

/**
 * A ticket type as the buy panel shows it: its price now (its early tier for one place), and
 * when its sales open if they have not yet (issue 28), on the venue's clock.
 */
export function buyTicketType(type: TypeView, options: { timeZone: string; now: Date; locale: Locale; withYear: boolean }) {
  const tiers = type.tiers.map((tier) => ({ priceMinor: tier.priceMinor, until: tier.until?.getTime() ?? null, untilTaken: tier.untilTaken }));
  const opens = type.salesStart && type.salesStart > options.now ? type.salesStart : null;
  return {
    id: type.id,
    name: type.name,
    description: type.description,
    priceMinor: listPriceOf({ priceMinor: type.priceMinor, taken: type.capacity - type.remaining, tiers }, 1, options.now.getTime()),
    currency: type.currency,
    remaining: type.remaining,
    opensAt: opens?.toISOString() ?? null,
    opensLabel: opens ? `${formatShortDay(opens, options.timeZone, options.now, options.locale, options.withYear)}, ${formatTime(opens, options.timeZone, options.locale)}` : null,
  };
}

/**
 * What the event page's buy panels need, from the event and the page's query: its sessions
 * with their labels on the venue's clock, the quote's rules, and for each bookable resource
 * the day (?date, not before today there) and length (?minutes, when the rules allow it,
 * else the shortest) with their starts.
 */
export async function eventBuyView(event: EventDetail, query: { date?: string; minutes?: string }, locale: Locale, now = new Date()) {
  const timeZone = event.venue.timeZone;
  const today = localDateAndMinute(now, timeZone).date;
  const date = query.date && isIsoDate(query.date) && query.date >= today ? query.date : today;
  const bookingDays = await Promise.all(
    event.resources.map(async (resource) => {
      const requested = Number(query.minutes);
      const minutes = lengthRefusal(resource, requested) ? resource.minMinutes : requested;
      const day = await getBookableDay(resource.id, date, minutes, { now });
      const slots = (day?.starts ?? []).map((slot) => ({ minute: slot.minute, startsAt: slot.startsAt.toISOString(), label: formatMinute(slot.minute), free: slot.free }));
      return { resource, minutes, slots };
    }),
  );
  // One date format on the page: every date with its year when any is in another year.
  const withYear = yearNeeded(event.sessions.map((session) => session.startsAt), timeZone, now);
  const sessions = event.sessions.map((session) => ({
    id: session.id,
    startsAt: session.startsAt.toISOString(),
    dayLabel: formatShortDay(session.startsAt, timeZone, now, locale, withYear),
    timeLabel: formatTime(session.startsAt, timeZone, locale),
    onSale: session.onSale,
    remaining: session.remaining,
    ticketTypes: session.ticketTypes.map((type) => buyTicketType(type, { timeZone, now, locale, withYear })),
  }));
  const maxPerOrder = env().MAX_TICKETS_PER_ORDER;
  // One key per page made: the panels' forms send it, so a purchase posted twice is made once.
  return { today, date, bookingDays, sessions, withYear, maxPerOrder, rules: saleRulesOf(event, maxPerOrder), quotedAt: now.getTime(), formKey: randomUUID() };
}
