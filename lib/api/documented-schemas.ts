// zod schemas of the JSON routes owned by other modules (catalog, search, operations, jobs,
// payments), for the OpenAPI document. Where a module exports its own schema or constants
// they are used; where its TypeScript type is the contract, a compile-time check below
// fails when the two drift apart; and lib/api/openapi.integration.test.ts parses real
// answers of those routes with these schemas.
import { z } from "zod";
import type { SavedEvent } from "@/lib/admin/events/create-event";
import type { DeleteEventOutcome } from "@/lib/admin/events/delete-event";
import type { Analytics } from "@/lib/analytics/analytics-sql";
import { MAX_PAGE, MAX_WHERE_LENGTH } from "@/lib/catalog/filters";
import type { SearchEventsResult } from "@/lib/catalog/search-events-sql";
import { CATEGORIES, type Category, type EventCard, type EventDetail } from "@/lib/catalog/types";
import { LOCALES } from "@/lib/i18n/locales";
import { MAX_FEED_LIMIT } from "@/lib/feeds/feed-params";
import type { FeedPage } from "@/lib/feeds/sessions-feed";
import type { runDueWork } from "@/lib/worker/run-due-work";
import { MAX_WATCHED_SESSIONS, type SessionAvailability } from "@/lib/realtime/types";
import { ZId } from "@/lib/id-schema";
import { ZInstant, ZIsoDate, ZQuestion } from "./schemas";

const CATEGORY_VALUES = CATEGORIES.map((category) => category.value) as [Category, ...Category[]];
const ZNullableNumber = z.number().nullable();

// ── Catalog ──────────────────────────────────────────────────────────────────────────────

export const ZEventCard = z
  .object({
    id: ZId,
    slug: z.string(),
    title: z.string().describe("In the language Accept-Language asks for when the event has it, else in the event's own"),
    summary: z.string(),
    language: z.enum(LOCALES).describe("The language title and summary are in"),
    category: z.enum(CATEGORY_VALUES),
    city: z.string(),
    neighbourhood: z.string(),
    imagePath: z.string(),
    imageAlt: z.string(),
    venueName: z.string(),
    timeZone: z.string(),
    nextStartsAt: ZInstant.nullable().describe("Next upcoming session start; null for a bookable experience"),
    priceFromMinor: z.int().nullable(),
    currency: z.string(),
    remaining: z.int().nullable().describe("Remaining places over upcoming sessions; null for bookable experiences"),
    availability: z.enum(["available", "few_left", "sold_out"]),
    bookable: z.boolean(),
  })
  .meta({ id: "EventCard" });

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), page: z.int().min(1), pageSize: z.int().min(1), total: z.int().min(0), pageCount: z.int().min(0) });

export const ZEventPage = pageOf(ZEventCard).meta({ id: "EventPage" });

export const ZSearchHit = ZEventCard.extend({
  snippet: z.string().describe("Matches sit between \\u0001 and \\u0002"),
  rank: z.number(),
}).meta({ id: "SearchHit" });

export const ZSearchResult = z
  .object({ query: z.string(), hits: pageOf(ZSearchHit), mode: z.enum(["fulltext", "fuzzy", "empty"]), suggestions: z.array(z.string()) })
  .meta({ id: "SearchResult" });

export const ZEventDetail = z
  .object({
    id: ZId,
    slug: z.string(),
    title: z.string().describe("In the language Accept-Language asks for when the event has it, else in the event's own"),
    summary: z.string(),
    description: z.string(),
    language: z.enum(LOCALES).describe("The language title, summary and description are in"),
    originalLanguage: z.enum(LOCALES).describe("The language the event is written in"),
    untranslated: z.boolean().describe("True when Accept-Language asked for a language the event has no translation into (the original is given)"),
    category: z.enum(CATEGORY_VALUES),
    city: z.string(),
    neighbourhood: z.string(),
    imagePath: z.string(),
    imageAlt: z.string(),
    status: z.enum(["draft", "published", "cancelled"]),
    createdAt: ZInstant,
    updatedAt: ZInstant,
    host: z.object({ slug: z.string().describe("Its public page: /hosts/{slug}"), name: z.string().describe("In the reader's language where translated") }).describe("Who runs the event"),
    venue: z.object({
      id: ZId,
      name: z.string(),
      address: z.string(),
      city: z.string(),
      neighbourhood: z.string(),
      timeZone: z.string(),
      latitude: ZNullableNumber,
      longitude: ZNullableNumber,
      postalCode: z.string().nullable(),
      region: z.string().nullable(),
      country: z.string().nullable().describe("ISO 3166-1 alpha-2"),
    }),
    sessions: z.array(
      z.object({
        id: ZId,
        startsAt: ZInstant,
        endsAt: ZInstant,
        remaining: z.int(),
        onSale: z.boolean(),
        ticketTypes: z.array(
          z.object({
            id: ZId,
            name: z.string(),
            description: z.string(),
            priceMinor: z.int().describe("The price once every early tier has ended"),
            currency: z.string(),
            capacity: z.int(),
            remaining: z.int(),
            salesStart: ZInstant.nullable().describe("On sale from (null: from publishing)"),
            salesEnd: ZInstant.nullable().describe("On sale until (null: until the session starts)"),
            tiers: z
              .array(z.object({ priceMinor: z.int(), until: ZInstant.nullable(), untilTaken: z.int().nullable() }))
              .describe("Early prices, in order: each holds before `until` and while an order's places all fit under `untilTaken` places taken; then the next, then priceMinor"),
            hidden: z.boolean().describe("Always false here: hidden types are sold only with a code that reveals them (GET /api/events/{id}/buy?voucher=)"),
          }),
        ),
      }),
    ),
    resources: z.array(
      z.object({
        id: ZId,
        name: z.string(),
        opensMinute: z.int(),
        closesMinute: z.int(),
        slotMinutes: z.int(),
        minMinutes: z.int(),
        maxMinutes: z.int(),
        priceMinorPerSlot: z.int(),
        currency: z.string(),
      }),
    ),
    questions: z.array(ZQuestion).describe("What a buyer is asked (POST /api/events/{id}/buy takes the answers)"),
    holderChangeCutoffMinutes: z.int().describe("A ticket's holder can be changed until this many minutes before the start"),
    cancellation: z
      .object({
        kind: z.enum(["none", "free", "fee"]).describe("none: no cancellation; free: a full refund; fee: a refund less feePercent of the price"),
        cutoffHours: z.int().describe("Cancellation is possible until this many hours before the start"),
        feePercent: z.int().min(0).max(100).describe("What `fee` keeps, in whole percent of the cancelled places' price (rounded half up to the minor unit)"),
      })
      .meta({ id: "CancellationPolicy" })
      .describe("Whether a buyer may cancel (POST /api/orders/{id}/cancel), until when, and what comes back"),
    meetingPoint: z.string().nullable().describe("Where attendees meet, as the organiser wrote it; null: nothing beyond the venue"),
  })
  .meta({ id: "EventDetail" });

/** The listing filters of GET /api/events and GET /api/search (lib/catalog/filters.ts parses them). */
export const ZEventFilterQuery = z.object({
  category: z.enum(CATEGORY_VALUES).optional(),
  where: z.string().max(MAX_WHERE_LENGTH).optional().describe("City or neighbourhood, case- and accent-insensitive"),
  date: z.enum(["today", "weekend", "range"]).optional().describe("range needs from and to (at most a year apart)"),
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  price: z.string().regex(/^(free|\d{1,6})$/).optional().describe("free, or the most you want to pay in whole euros"),
  available: z.enum(["1", "0", "true", "false", "on"]).optional().describe("1: only events with places left"),
  page: z.int().min(1).max(MAX_PAGE).optional(),
  lat: z.number().min(-90).max(90).optional().describe("Near a position (with lng): nearest first, each card with its distanceM (metres)"),
  lng: z.number().min(-180).max(180).optional(),
  place: z.string().max(80).optional().describe("Near a city, neighbourhood or venue we list (instead of lat/lng); an unknown place is 400"),
  radius: z.enum(["5", "25", "100"]).optional().describe("Kilometres around lat/lng or place (default 100)"),
});

export const ZSearchQuery = ZEventFilterQuery.extend({ q: z.string().describe("What to look for; at most 200 characters are used") });

export const ZSearchBody = z
  .object({ q: z.string(), page: z.int().min(1).max(1000).optional() })
  .meta({ id: "SearchRequest" });

// ── Live availability and the open-data feed ─────────────────────────────────────────────

export const ZAvailabilityQuery = z.object({
  event: ZId.optional().describe("An event id: all its sessions"),
  sessions: z.string().optional().describe(`Comma-separated session ids (at most ${MAX_WATCHED_SESSIONS}); not together with event`),
});

export const ZSessionAvailability = z
  .object({
    sessionId: ZId,
    eventId: ZId,
    changeNumber: z.int().min(0).describe("Position in the sessions feed; grows with every change"),
    deleted: z.boolean(),
    cancelled: z.boolean(),
    remaining: z.int().min(0),
    ticketTypes: z.array(z.object({ id: ZId, remaining: z.int().min(0) })).nullable(),
  })
  .meta({ id: "SessionAvailability" });
export const ZAvailability = z.object({ sessions: z.array(ZSessionAvailability) }).meta({ id: "Availability" });

export const ZStreamQuery = ZAvailabilityQuery.extend({
  lastEventId: z.string().regex(/^\d{1,15}$/).optional().describe("Resume after this change number (or send the Last-Event-ID header)"),
});

export const ZFeedQuery = z.object({
  afterChangeNumber: z.string().regex(/^\d{1,16}$/).optional().describe("Follow `next`; absent for the first page. Any position up to 2^53-1"),
  limit: z.int().min(1).max(MAX_FEED_LIMIT).optional(),
});

export const ZFeedPage = z
  .object({
    next: z.string().describe("URL of the next page; equal to this page's URL on the last page"),
    items: z.array(
      z.discriminatedUnion("state", [
        z.object({ state: z.literal("updated"), kind: z.literal("ScheduledSession"), id: z.string(), modified: z.int(), data: z.record(z.string(), z.unknown()) }),
        z.object({ state: z.literal("deleted"), kind: z.literal("ScheduledSession"), id: z.string(), modified: z.int() }),
      ]),
    ),
    license: z.string(),
  })
  .meta({ id: "RpdeFeedPage", description: "OpenActive RPDE 1.0 page of ScheduledSession items" });

const FEED_KINDS = ["SessionSeries", "ScheduledSession", "FacilityUse", "FacilityUse/Slot"] as const;

/** A page of any of the OpenActive feeds (series, facility uses, slots): the same envelope, its own kind. */
export const ZAnyFeedPage = z
  .object({
    next: z.string().describe("URL of the next page; equal to this page's URL on the last page"),
    items: z.array(
      z.discriminatedUnion("state", [
        z.object({ state: z.literal("updated"), kind: z.enum(FEED_KINDS), id: z.string(), modified: z.int(), data: z.record(z.string(), z.unknown()) }),
        z.object({ state: z.literal("deleted"), kind: z.enum(FEED_KINDS), id: z.string(), modified: z.int() }),
      ]),
    ),
    license: z.string(),
  })
  .meta({ id: "RpdeAnyFeedPage", description: "OpenActive RPDE 1.0 page of SessionSeries, FacilityUse or FacilityUse/Slot items" });

// ── Operations, jobs, payments ───────────────────────────────────────────────────────────

export const ZHealth = z.object({ status: z.literal("ok"), uptimeSeconds: z.int().min(0) }).meta({ id: "Health" });

const ZCheck = z.looseObject({ ok: z.boolean(), ms: z.number(), detail: z.string().optional() });
export const ZReadiness = z
  .object({
    status: z.enum(["ready", "not_ready"]),
    checks: z.object({ database: ZCheck.optional(), migrations: ZCheck.optional(), queue: ZCheck.optional() }),
  })
  .meta({ id: "Readiness" });
export const ZReadyQuery = z.object({ skip: z.string().optional().describe("Comma-separated checks to leave out: database, migrations, queue") });

export const ZDrainResult = z
  .object({
    claimed: z.int().min(0),
    succeeded: z.int().min(0),
    failed: z.int().min(0),
    holdsSwept: z.int().min(0),
    offersExpired: z.int().min(0).describe("Waiting-list offers that ran out in this run (their places offered to the next in line)"),
    remindersQueued: z.int().min(0).describe("Tickets whose reminder before the start was queued by this run"),
  })
  .meta({ id: "DrainResult" });

export const ZWebhookAnswer = z.object({ received: z.literal(true), outcome: z.string() }).meta({ id: "WebhookAnswer" });
export const ZStripeReturnQuery = z.object({ order: ZId, session_id: z.string().regex(/^cs_[A-Za-z0-9_]+$/) });
export const ZDownloadLinkQuery = z.object({
  order: ZId,
  expires: z.string().regex(/^\d{1,12}$/).describe("Unix seconds"),
  sig: z.string().regex(/^[A-Za-z0-9_-]{43}$/).describe("HMAC of order and expiry"),
});

export const ZAuthCredentials = z
  .object({
    email: z.email(),
    password: z.string(),
    csrfToken: z.string().describe("From GET /api/auth/csrf (its cookie must be sent too)"),
    callbackUrl: z.string().optional(),
  })
  .meta({ id: "SignInForm" });
export const ZAuthCsrf = z.object({ csrfToken: z.string() }).meta({ id: "CsrfToken" });
export const ZAuthSession = z
  .object({ user: z.object({ id: ZId, name: z.string(), email: z.string(), role: z.enum(["attendee", "admin"]) }).partial(), expires: ZInstant })
  .nullable()
  .meta({ id: "AuthSession" });

// ── Admin (lib/admin, lib/analytics) ─────────────────────────────────────────────────────

export const ZSavedEvent = z
  .object({ event: z.object({ id: ZId, slug: z.string(), version: z.int().min(1), status: z.string() }) })
  .meta({ id: "SavedEvent" });

export const ZDeleteEventOutcome = z
  .discriminatedUnion("outcome", [
    z.object({ outcome: z.literal("deleted") }),
    z.object({ outcome: z.literal("cancelled"), refundsQueued: z.int().min(0), ordersCancelled: z.int().min(0) }),
  ])
  .meta({ id: "DeleteEventOutcome", description: "Deleted when nothing was sold; otherwise cancelled, with paid orders queued for refunds" });

const ZMoney = z.object({ currency: z.string(), minor: z.int() });
export const ZAnalytics = z
  .object({
    range: z.object({ from: ZIsoDate, to: ZIsoDate, bucket: z.enum(["day", "week", "month"]) }),
    revenue: z.array(
      z.object({ currency: z.string(), orders: z.int(), grossMinor: z.int(), refundedMinor: z.int(), refundPendingMinor: z.int(), netMinor: z.int() }),
    ),
    ordersPaid: z.int(),
    ticketsSold: z.int(),
    conversion: z.object({ created: z.int(), paid: z.int(), rate: z.number().nullable() }),
    salesOverTime: z.array(z.object({ start: z.string(), orders: z.int(), tickets: z.int(), gross: z.array(ZMoney) })),
    events: z.array(
      z.object({
        eventId: ZId,
        title: z.string(),
        slug: z.string(),
        status: z.string(),
        tickets: z.int(),
        orders: z.int(),
        net: z.array(ZMoney),
        sold: z.int(),
        capacity: z.int(),
        sellThrough: z.number().nullable(),
        noShowRate: z.number().nullable().describe("Sessions that have started: share of valid tickets never checked in"),
        sessions: z.array(
          z.object({
            sessionId: ZId,
            startsAt: ZInstant,
            timeZone: z.string(),
            cancelled: z.boolean(),
            tickets: z.int(),
            sold: z.int(),
            held: z.int(),
            capacity: z.int(),
            sellThrough: z.number().nullable(),
            checkedIn: z.int().nullable().describe("Checked in at the door; null before the session starts"),
            noShowRate: z.number().nullable(),
          }),
        ),
      }),
    ),
    pipeline: z.array(z.object({ kind: z.string(), status: z.string(), count: z.int() })),
    oldestDueJobSeconds: z.number().nullable(),
    vouchers: z
      .object({
        codes: z.array(
          z.object({ voucherId: ZId, code: z.string(), tag: z.string(), uses: z.int(), maxUses: z.int(), orders: z.int(), revenue: z.array(ZMoney), discount: z.array(ZMoney) }),
        ),
        tags: z.array(z.object({ tag: z.string(), codes: z.int(), uses: z.int(), orders: z.int(), revenue: z.array(ZMoney), discount: z.array(ZMoney) })),
      })
      .describe("Paid orders placed with a voucher in the range, per code (most orders first) and per tag: revenue is what they paid, discount what the code took off; `uses` is the stored lifetime count of places"),
  })
  .meta({ id: "Analytics" });
export const ZAnalyticsAnswer = ZAnalytics.extend({ warning: z.string().nullable().describe("Why the requested range was replaced by the default") }).meta({ id: "AnalyticsAnswer" });

export const ZAnalyticsQuery = z.object({
  from: ZIsoDate.optional().describe("First day (UTC), included; default 30 days ago"),
  to: ZIsoDate.optional().describe("Last day (UTC), included; default today"),
});
export const ZAnalyticsExportQuery = ZAnalyticsQuery.extend({ report: z.enum(["sessions", "sales", "revenue", "vouchers"]).optional().describe("Default sessions") });

// ── Drift checks: these lines stop compiling when a module's type and its schema here part ways.

type Json<T> = T extends Date ? string : T extends (infer U)[] ? Json<U>[] : T extends object ? { [K in keyof T]: Json<T[K]> } : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export const DRIFT_CHECKS = {
  eventCard: true satisfies Same<z.output<typeof ZEventCard>, Json<EventCard>>,
  eventDetail: true satisfies Same<z.output<typeof ZEventDetail>, Json<EventDetail>>,
  search: true satisfies Same<z.output<typeof ZSearchResult>, Json<SearchEventsResult>>,
  drain: true satisfies Same<z.output<typeof ZDrainResult>, Awaited<ReturnType<typeof runDueWork>>>,
  availability: true satisfies Same<z.output<typeof ZSessionAvailability>, Omit<SessionAvailability, "public">>,
  feed: true satisfies Same<z.output<typeof ZFeedPage>, FeedPage>,
  analytics: true satisfies Same<z.output<typeof ZAnalytics>, Json<Analytics>>,
  savedEvent: true satisfies Same<z.output<typeof ZSavedEvent>["event"], SavedEvent>,
  deleteEvent: true satisfies Same<z.output<typeof ZDeleteEventOutcome>, DeleteEventOutcome>,
};
