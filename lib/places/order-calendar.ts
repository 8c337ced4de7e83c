import "server-only";
import { prisma } from "@/lib/db";
import { buildIcsCalendar, type IcsEvent } from "@/lib/catalog/ics";
import { localePath } from "@/lib/i18n/paths";
import { toLocale, type Locale } from "@/lib/i18n/locales";

// The .ics attached to the delivery email: the order's session (or booked time) as an event
// the buyer's mail app offers to add to their calendar. Same UIDs as the event page's "add to
// calendar" and the city feed (session-<id>), so adding it twice updates one entry.

type TitledEvent = { slug: string; title: string; summary: string; language: string; translations: { locale: string; title: string; summary: string }[] };
type Venue = { name: string; address: string };

function icsEventOf(event: TitledEvent, venue: Venue, locale: Locale): IcsEvent {
  const translated = event.language === locale ? undefined : event.translations.find((translation) => translation.locale === locale);
  return {
    title: translated?.title ?? event.title,
    summary: translated?.summary ?? event.summary,
    slug: event.slug,
    venueName: venue.name,
    address: venue.address,
    path: localePath(locale, `/events/${event.slug}`),
  };
}

const eventSelect = { select: { slug: true, title: true, summary: true, language: true, translations: { select: { locale: true, title: true, summary: true } } } } as const;
const venueSelect = { select: { name: true, address: true } } as const;

/** The order's sessions and booked times as one calendar file, in the order's language; null for an unknown or empty order. */
export async function orderCalendarFile(orderId: string, appUrl: string): Promise<{ filename: string; content: Buffer; contentType: string } | null> {
  const order = await prisma.order.findUnique({
    where: { id: orderId },
    select: {
      reference: true,
      locale: true,
      createdAt: true,
      items: { where: { status: { in: ["held", "sold"] } }, select: { ticketType: { select: { session: { select: { id: true, startsAt: true, endsAt: true, event: eventSelect, venue: venueSelect } } } } } },
      bookings: { where: { status: { in: ["held", "sold"] } }, select: { id: true, startsAt: true, endsAt: true, resource: { select: { event: eventSelect, venue: venueSelect } } } },
    },
  });
  if (!order) return null;
  const locale = toLocale(order.locale);
  const sessions = new Map(order.items.map((item) => [item.ticketType.session.id, item.ticketType.session]));
  const entries = [
    ...[...sessions.values()].map((session) => ({ event: icsEventOf(session.event, session.venue, locale), session: { id: session.id, startsAt: session.startsAt, endsAt: session.endsAt } })),
    ...order.bookings.map((booking) => ({
      event: icsEventOf(booking.resource.event, booking.resource.venue, locale),
      session: { id: booking.id, uid: `booking-${booking.id}`, startsAt: booking.startsAt, endsAt: booking.endsAt },
    })),
  ].sort((a, b) => a.session.startsAt.getTime() - b.session.startsAt.getTime());
  if (entries.length === 0) return null;
  // DTSTAMP from the order, not the clock: every delivery attempt sends the same bytes.
  const ics = buildIcsCalendar(entries, appUrl, { now: order.createdAt });
  return { filename: `${order.reference}.ics`, content: Buffer.from(ics, "utf8"), contentType: "text/calendar; charset=utf-8; method=PUBLISH" };
}
