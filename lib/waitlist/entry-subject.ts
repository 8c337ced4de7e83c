import "server-only";
import { formatShortDayTime, formatTime } from "@/lib/catalog/format-when";
import { ticketTypeNameIn } from "@/lib/catalog/ticket-type-name";
import { prisma } from "@/lib/db";
import type { WaitlistEntry } from "@/lib/generated/prisma/client";
import type { Locale } from "@/lib/i18n/locales";
import { waitlistOfferCode } from "@/lib/orders/waitlist-offer-code";
import { localDateAndMinute } from "@/lib/time";

// What a waiting-list entry waits for, in the reader's language: a ticket type's places, or a
// time range of a bookable resource (docs/decisions/0021). The entry's page and its emails
// both say it this way, and both link to the event page with the offer applied.

export type EntrySubject = {
  eventTitle: string;
  eventSlug: string;
  timeZone: string;
  /** The ticket type's name, or "resource, day from–to" on the venue's clock. */
  what: string;
  /** The open offer's code (a ticket type's voucher, or a range's derived code); null when there is no open offer. */
  code: string | null;
  /** The event page with the offer applied (path without the locale), when there is an open offer. */
  offerPath: string | null;
};

const eventSelect = { slug: true, title: true, language: true, translations: { select: { locale: true, title: true } } } as const;

function titleIn(event: { title: string; language: string; translations: { locale: string; title: string }[] }, locale: Locale): string {
  return event.language === locale ? event.title : (event.translations.find((row) => row.locale === locale)?.title ?? event.title);
}

export async function entrySubject(entry: WaitlistEntry, locale: Locale, now = new Date()): Promise<EntrySubject> {
  const open = entry.status === "offered";
  if (entry.resourceId && entry.startsAt && entry.endsAt) {
    const resource = await prisma.resource.findUniqueOrThrow({
      where: { id: entry.resourceId },
      select: { name: true, venue: { select: { timeZone: true } }, event: { select: eventSelect } },
    });
    const timeZone = resource.venue.timeZone;
    const code = open ? waitlistOfferCode(entry.id) : null;
    const minutes = Math.round((entry.endsAt.getTime() - entry.startsAt.getTime()) / 60_000);
    const date = localDateAndMinute(entry.startsAt, timeZone).date;
    return {
      eventTitle: titleIn(resource.event, locale),
      eventSlug: resource.event.slug,
      timeZone,
      what: `${resource.name}, ${formatShortDayTime(entry.startsAt, timeZone, now, locale)}–${formatTime(entry.endsAt, timeZone, locale)}`,
      code,
      offerPath: code
        ? `/events/${resource.event.slug}?date=${date}&minutes=${minutes}&resource=${entry.resourceId}&start=${encodeURIComponent(entry.startsAt.toISOString())}&offer=${encodeURIComponent(code)}#book`
        : null,
    };
  }
  const type = await prisma.ticketType.findUniqueOrThrow({
    where: { id: entry.ticketTypeId! },
    select: { name: true, nameTranslations: true, session: { select: { venue: { select: { timeZone: true } }, event: { select: eventSelect } } } },
  });
  const code = open && entry.voucherId ? ((await prisma.voucher.findUnique({ where: { id: entry.voucherId }, select: { code: true } }))?.code ?? null) : null;
  return {
    eventTitle: titleIn(type.session.event, locale),
    eventSlug: type.session.event.slug,
    timeZone: type.session.venue.timeZone,
    what: ticketTypeNameIn(type, locale),
    code,
    offerPath: code ? `/events/${type.session.event.slug}?voucher=${encodeURIComponent(code)}#buy` : null,
  };
}
