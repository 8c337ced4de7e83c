import "server-only";
import { prisma, sql } from "@/lib/db";
import { cachedPublicRead, PUBLIC_TAGS } from "@/lib/cache/public-pages";
import { lagTolerantRead } from "@/lib/db/read-replica";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import type { Locale } from "@/lib/i18n/locales";
import type { BookingRules } from "@/lib/orders/quote";
import { policyOf } from "@/lib/orders/cancellation-policy";
import { lengthRefusal, slotStarts } from "@/lib/orders/quote-booking";
import { instantAt, isIsoDate } from "@/lib/time";
import { hostTextIn } from "@/lib/hosts/host-text";
import { localiseEvent } from "./localise-event";
import { ticketTypeNameIn } from "./ticket-type-name";
import { QUESTION_SELECT, storedQuestion } from "@/lib/questions/stored-question";
import type { EventDetail } from "./types";

/**
 * What quotas leave of the types they cover and of their sessions (issue 28), as live
 * availability counts it (ticket_type_available, session_available): only sessions with a quota
 * come back.
 */
async function quotaCaps(sessionIds: string[]): Promise<{ types: Map<string, number>; sessions: Map<string, number> }> {
  if (sessionIds.length === 0) return { types: new Map(), sessions: new Map() };
  const rows = await sql<{ id: string; session_id: string; available: number; session_available: number }>`
    SELECT DISTINCT tt.id, tt.session_id, ticket_type_available(tt.id) AS available, session_available(tt.session_id) AS session_available
      FROM quota_ticket_types x JOIN ticket_types tt ON tt.id = x.ticket_type_id
     WHERE tt.session_id = ANY(${sessionIds}::uuid[])`;
  return { types: new Map(rows.map((row) => [row.id, row.available])), sessions: new Map(rows.map((row) => [row.session_id, row.session_available])) };
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type EventOptions = {
  now?: Date;
  locale?: Locale;
  withHidden?: boolean;
  /** A public page's read: from the replica when there is one. A purchase's quote never sets it (it reads the primary). */
  lagTolerant?: boolean;
};

function findPublicEvent(where: { slug: string } | { id: string }, options: EventOptions): Promise<EventDetail | null> {
  if (!options.lagTolerant) return readPublicEvent(prisma, where, options.now ?? new Date(), options.locale, options.withHidden);
  return findEventForPage(where, options);
}

/**
 * A public page's read (the event page, the API's event): from the replica when there is one,
 * and kept in Next's cache until the event changes or a session crosses "sold out"
 * (lib/cache); the live places on the page come over the stream.
 */
const findEventForPage = cachedPublicRead(
  "eventForPage",
  (where: { slug: string } | { id: string }, options: EventOptions) =>
    lagTolerantRead((db) => readPublicEvent(db, where, options.now ?? new Date(), options.locale, options.withHidden)),
  (where) => ["slug" in where ? PUBLIC_TAGS.event(where.slug) : PUBLIC_TAGS.events, PUBLIC_TAGS.events],
);

async function readPublicEvent(db: PrismaClient, where: { slug: string } | { id: string }, now: Date, locale: Locale | undefined, withHidden = false): Promise<EventDetail | null> {
  const event = await db.event.findFirst({
    where: { ...where, status: "published" },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      description: true,
      language: true,
      translations: { where: { locale: locale ?? "" }, select: { locale: true, title: true, summary: true, description: true } },
      category: true,
      city: true,
      neighbourhood: true,
      imagePath: true,
      imageAlt: true,
      status: true,
      createdAt: true,
      updatedAt: true,
      holderChangeCutoffMinutes: true,
      cancellationPolicy: true,
      cancellationCutoffHours: true,
      cancellationFeePercent: true,
      meetingPoint: true,
      questions: {
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: QUESTION_SELECT,
      },
      venue: {
        select: { id: true, name: true, address: true, city: true, neighbourhood: true, timeZone: true, latitude: true, longitude: true, postalCode: true, region: true, country: true },
      },
      host: { select: { slug: true, name: true, story: true, translations: true } },
      // Upcoming: not over yet (a session in progress is shown, but no longer on sale).
      sessions: {
        where: { cancelled: false, endsAt: { gt: now } },
        orderBy: [{ startsAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          startsAt: true,
          endsAt: true,
          remaining: true,
          // Hidden types are sold only with a code that reveals them (lib/orders/voucher.ts): listed
          // only for a caller that has one (`withHidden`, then filtered by the code).
          ticketTypes: {
            where: withHidden ? {} : { hidden: false },
            orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
            select: {
              id: true, name: true, nameTranslations: true, description: true, priceMinor: true, currency: true, capacity: true, remaining: true,
              salesStart: true, salesEnd: true, hidden: true,
              priceTiers: { orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { priceMinor: true, until: true, untilTaken: true } },
            },
          },
        },
      },
      resources: {
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: {
          id: true,
          name: true,
          opensMinute: true,
          closesMinute: true,
          slotMinutes: true,
          minMinutes: true,
          maxMinutes: true,
          priceMinorPerSlot: true,
          currency: true,
        },
      },
    },
  });
  if (!event) return null;
  const capped = await quotaCaps(event.sessions.map((session) => session.id));
  const { translations, language, questions, venue, host, cancellationPolicy, cancellationCutoffHours, cancellationFeePercent, ...rest } = event;
  return {
    ...rest,
    host: { slug: host.slug, name: hostTextIn(host, locale).name },
    cancellation: policyOf({ cancellationPolicy, cancellationCutoffHours, cancellationFeePercent }),
    venue: { ...venue, country: venue.country?.trim() ?? null },
    questions: questions.map(storedQuestion),
    ...localiseEvent({ title: event.title, summary: event.summary, description: event.description, language }, translations, locale),
    sessions: event.sessions.map((session) => ({
      ...session,
      remaining: capped.sessions.get(session.id) ?? session.remaining,
      // Ticket type names in the reader's language, like the event's texts (issue 33); places capped by quotas (issue 28).
      ticketTypes: session.ticketTypes.map(({ nameTranslations, priceTiers, ...type }) => ({
        ...type,
        remaining: capped.types.get(type.id) ?? type.remaining,
        tiers: priceTiers,
        name: ticketTypeNameIn({ name: type.name, nameTranslations }, locale),
      })),
      onSale: session.startsAt.getTime() > now.getTime(),
    })),
  };
}

/** A published event by slug with its upcoming sessions, its texts in `locale` where translated; null for drafts, cancelled and unknown (404). */
export async function getPublicEventBySlug(slug: string, options: EventOptions = {}): Promise<EventDetail | null> {
  if (typeof slug !== "string" || slug.length > 200 || !SLUG.test(slug)) return null;
  return findPublicEvent({ slug }, options);
}

/** Same as getPublicEventBySlug, by id; null when `id` is not a UUID. */
export async function getPublicEventById(id: string, options: EventOptions = {}): Promise<EventDetail | null> {
  if (!isUuid(id)) return null;
  return findPublicEvent({ id }, options);
}

export type BookableStart = { minute: number; startsAt: Date; free: boolean };
export type BookableDay = { starts: BookableStart[]; date: string; minutes: number; timeZone: string };

/**
 * Every start of a booking of `minutes` on local day `date` (YYYY-MM-DD, venue time) that
 * fits the opening hours; `free` is false for starts in the past and for starts whose range
 * overlaps a live booking (sold, or held by an order whose hold has not expired).
 * Null when the resource is unknown or not on sale, or `date`/`minutes` break the rules.
 * A view only: the purchase re-checks everything under lock.
 */
export async function getBookableDay(resourceId: string, date: string, minutes: number, options: { now?: Date } = {}): Promise<BookableDay | null> {
  if (!isUuid(resourceId) || typeof date !== "string" || !isIsoDate(date) || !Number.isInteger(minutes)) return null;
  const now = options.now ?? new Date();
  const resource = await prisma.resource.findFirst({
    where: { id: resourceId, event: { status: "published" } },
    select: {
      opensMinute: true,
      closesMinute: true,
      slotMinutes: true,
      minMinutes: true,
      maxMinutes: true,
      venue: { select: { timeZone: true } },
    },
  });
  if (!resource) return null;
  const rules: BookingRules = {
    opensMinute: resource.opensMinute,
    closesMinute: resource.closesMinute,
    slotMinutes: resource.slotMinutes,
    minMinutes: resource.minMinutes,
    maxMinutes: resource.maxMinutes,
    timeZone: resource.venue.timeZone,
  };
  if (lengthRefusal(rules, minutes)) return null;

  const dayOpens = instantAt(date, rules.opensMinute, rules.timeZone);
  const dayCloses = instantAt(date, rules.closesMinute, rules.timeZone);
  // "Live" (sold, or held while the hold lasts) has one definition: the SQL function live_bookings.
  const live = (await sql<{ starts_at: Date; ends_at: Date }>`SELECT starts_at, ends_at FROM live_bookings(${resourceId}::uuid, ${dayOpens}, ${dayCloses}, ${now})`)
    .map((booking) => ({ startsAt: booking.starts_at, endsAt: booking.ends_at }));

  const starts = slotStarts(rules, minutes).map((minute) => {
    const startsAt = instantAt(date, minute, rules.timeZone);
    const endsAt = new Date(startsAt.getTime() + minutes * 60_000);
    const taken = live.some((booking) => booking.startsAt < endsAt && booking.endsAt > startsAt);
    return { minute, startsAt, free: startsAt.getTime() > now.getTime() && !taken };
  });
  return { starts, date, minutes, timeZone: rules.timeZone };
}
