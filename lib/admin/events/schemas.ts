// The shape of an event as an admin writes it: the same schemas check the dashboard's
// forms and the JSON routes. Field paths (`sessions.0.ticketTypes.1.capacity`) are the
// form's input names, so a message lands next to its field.
//
// Times are the venue's wall clock (`YYYY-MM-DDTHH:mm`, what <input type="datetime-local">
// sends); lib/admin turns them into instants with the venue's time zone. Prices are in
// major units ("12.50"), stored as minor units.
import { z } from "zod";
import { CANCELLATION_POLICIES } from "@/lib/orders/cancellation-policy";
import { Category } from "@/lib/generated/prisma/enums";
import { activityConcept } from "@/lib/feeds/activities";
import { LOCALES } from "@/lib/i18n/locales";
import { MAX_QUESTIONS, refineQuestions, ticketTypePlace, ZQuestionInput } from "./question-schemas";
import { flag, optionalId, text, textTranslations, wholeNumber } from "./schema-parts";


/** "12.50", "12,5", "0" or 12.5 → 1250 minor units. */
export const ZPrice = z
  .union([z.number(), z.string()], { error: "Enter a price" })
  .transform((value, ctx) => {
    const textValue = typeof value === "number" ? String(value) : value.trim().replace(",", ".");
    if (!/^\d{1,7}(\.\d{1,2})?$/.test(textValue)) {
      ctx.addIssue({ code: "custom", message: textValue === "" ? "Enter a price (0 for free)" : "Use a price like 12.50" });
      return z.NEVER;
    }
    return Math.round(Number(textValue) * 100);
  })
  .pipe(z.number().int().min(0).max(100_000_000, "That price is too high"));

const currency = z
  .string({ error: "Enter a currency" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, "Use a three-letter currency code like EUR");

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;

export const ZLocalDateTime = z
  .string({ error: "Enter a date and time" })
  .trim()
  .regex(LOCAL_DATE_TIME, "Enter a date and time")
  .transform((value) => value.slice(0, 16))
  .refine((value) => !Number.isNaN(new Date(`${value}:00Z`).getTime()) && new Date(`${value}:00Z`).toISOString().startsWith(value), "Enter a real date and time");

/** "HH:MM" → minutes after midnight; "24:00" is the end of the day. */
export const ZClockMinute = z
  .string({ error: "Enter a time" })
  .trim()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "Use a time like 09:30")
  .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3, 5)));

/** An optional wall-clock time at the venue: blank is none. */
const optionalLocalDateTime = z.preprocess((value) => (value === "" || value === null ? undefined : value), ZLocalDateTime.optional());

/** An optional whole number: blank is none. */
const optionalWholeNumber = (label: string, min: number, max: number) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), wholeNumber(label, min, max).optional());

export const MAX_PRICE_TIERS = 10;
export const MAX_QUOTAS = 10;

/**
 * An early price (issue 28): until an instant at the venue, or until N places of the type are
 * taken, or both (whichever comes first); then the next tier, then the type's own price.
 */
export const ZPriceTierInput = z
  .object({
    price: ZPrice,
    until: optionalLocalDateTime,
    untilTaken: optionalWholeNumber("a number of places", 1, 100_000),
  })
  .superRefine((tier, ctx) => {
    if (tier.until === undefined && tier.untilTaken === undefined) ctx.addIssue({ code: "custom", path: ["until"], message: "Say until when, or until how many are taken" });
  });

export const ZTicketTypeInput = z
  .object({
    id: optionalId,
    name: text("a name", 1, 80),
    /** The name in other languages, by language; blank ones and one in the event's own language are dropped when written. */
    nameTranslations: textTranslations(80),
    description: z.string().trim().max(300, "Use at most 300 characters").default(""),
    price: ZPrice,
    currency: currency.default("EUR"),
    capacity: wholeNumber("a capacity", 0, 100_000),
    /** On sale from / until (the venue's clock); none: from publishing / until the session starts. */
    salesStart: optionalLocalDateTime,
    salesEnd: optionalLocalDateTime,
    /** Sold only with a voucher that reveals hidden types (a presale, a guest list). */
    hidden: flag.transform((value) => value ?? false),
    /** Early prices, in the order they apply. */
    tiers: z.array(ZPriceTierInput).max(MAX_PRICE_TIERS, `Use at most ${MAX_PRICE_TIERS} price tiers`).default([]),
  })
  .superRefine(
    (type, ctx) => {
      const { salesStart, salesEnd } = type as { salesStart?: unknown; salesEnd?: unknown };
      if (typeof salesStart === "string" && typeof salesEnd === "string" && salesEnd <= salesStart) {
        ctx.addIssue({ code: "custom", path: ["salesEnd"], message: "End sales after they start" });
      }
      // Tiers apply in order: each one must end after the one before it (by date, and by count).
      const tiers = (Array.isArray(type.tiers) ? type.tiers : []) as { until?: unknown; untilTaken?: unknown }[];
      let lastUntil: string | undefined;
      let lastTaken: number | undefined;
      tiers.forEach((tier, index) => {
        if (typeof tier?.until === "string") {
          if (lastUntil !== undefined && tier.until <= lastUntil) ctx.addIssue({ code: "custom", path: ["tiers", index, "until"], message: "End after the tier before it" });
          lastUntil = tier.until;
        }
        if (typeof tier?.untilTaken === "number") {
          if (lastTaken !== undefined && tier.untilTaken <= lastTaken) ctx.addIssue({ code: "custom", path: ["tiers", index, "untilTaken"], message: "More than the tier before it" });
          lastTaken = tier.untilTaken;
        }
      });
    },
    { when: () => true },
  );

/**
 * Shared capacity over some ticket types of one session (100 places, adult or child). Its
 * types are named like a question's: an id, or for a type created in the same request its
 * place, `sessions.0.ticketTypes.1` (of the same session).
 */
export const ZQuotaInput = z.object({
  id: optionalId,
  name: text("a name", 1, 100),
  capacity: wholeNumber("a capacity", 0, 1_000_000),
  ticketTypes: z
    .preprocess((value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value.filter((ref) => ref !== "") : value), z.array(z.string()))
    .pipe(z.array(z.string()).min(1, "Tick the ticket types it covers")),
});

export const ZSessionInput = z
  .object({
    id: optionalId,
    startsAt: ZLocalDateTime,
    endsAt: ZLocalDateTime,
    ticketTypes: z.array(ZTicketTypeInput, { error: "Add at least one ticket type" }).min(1, "Add at least one ticket type").max(20, "Use at most 20 ticket types"),
    quotas: z.array(ZQuotaInput).max(MAX_QUOTAS, `Use at most ${MAX_QUOTAS} shared capacities`).default([]),
  })
  .superRefine(
    (session, ctx) => {
      if (session.endsAt <= session.startsAt) ctx.addIssue({ code: "custom", path: ["endsAt"], message: "End after the start" });
      else if (new Date(`${session.endsAt}:00Z`).getTime() - new Date(`${session.startsAt}:00Z`).getTime() > 31 * 24 * 3600_000) {
        ctx.addIssue({ code: "custom", path: ["endsAt"], message: "A session lasts at most 31 days" });
      }
    },
    // Also when a ticket type is wrong: the admin sees every problem at once.
    { when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === "startsAt" || issue.path?.[0] === "endsAt") },
  );

export const ZResourceInput = z
  .object({
    id: optionalId,
    name: text("a name", 1, 80),
    opensAt: ZClockMinute,
    // A time input can't say 24:00: closing at "00:00" means at midnight.
    closesAt: ZClockMinute.transform((minute) => (minute === 0 ? 1440 : minute)),
    slotMinutes: wholeNumber("a slot length", 5, 720),
    minMinutes: wholeNumber("a minimum length", 5, 1440),
    maxMinutes: wholeNumber("a maximum length", 5, 1440),
    price: ZPrice,
    currency: currency.default("EUR"),
  })
  .superRefine(
    (resource, ctx) => {
      // The same rules as the resources_opening_hours and resources_lengths constraints.
      // Runs even when some fields are invalid (those are then not numbers and are skipped).
      const number = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);
      const { opensAt, closesAt, slotMinutes, minMinutes, maxMinutes } = resource as Record<string, unknown>;
      if (number(opensAt) && number(closesAt) && closesAt <= opensAt) ctx.addIssue({ code: "custom", path: ["closesAt"], message: "Close after opening" });
      if (number(slotMinutes) && number(minMinutes)) {
        if (minMinutes < slotMinutes) ctx.addIssue({ code: "custom", path: ["minMinutes"], message: "At least one slot" });
        else if (minMinutes % slotMinutes !== 0) ctx.addIssue({ code: "custom", path: ["minMinutes"], message: `Use a multiple of the slot (${slotMinutes} min)` });
        else if (number(opensAt) && number(closesAt) && closesAt > opensAt && minMinutes > closesAt - opensAt) {
          ctx.addIssue({ code: "custom", path: ["minMinutes"], message: "Longer than the opening hours" });
        }
      }
      if (number(slotMinutes) && number(maxMinutes)) {
        if (number(minMinutes) && maxMinutes < minMinutes) ctx.addIssue({ code: "custom", path: ["maxMinutes"], message: "At least the minimum length" });
        else if (maxMinutes % slotMinutes !== 0) ctx.addIssue({ code: "custom", path: ["maxMinutes"], message: `Use a multiple of the slot (${slotMinutes} min)` });
      }
    },
    { when: () => true },
  );

const ZImagePath = z
  .string()
  .trim()
  .regex(/^\/(images|api\/images)\/[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.(webp|png|jpe?g|avif)$/, "Use an image path of this site, like /images/events/name.webp");

/** An optional whole number of years; an empty input is "no limit". */
const optionalAge = (label: string) =>
  z.preprocess(
    (value) => (value === "" || value === null || value === undefined ? null : value),
    z.coerce.number({ error: `Enter ${label} in whole years` }).int(`Enter ${label} in whole years`).min(0, "At least 0").max(120, "At most 120").nullable(),
  );

/**
 * One language's title, summary and description. All blank: no translation (a row left
 * empty in the form). Any filled in: all three, held to the original's lengths.
 */
export const ZTranslationInput = z
  .object({
    title: z.string().trim().max(120, "Use at most 120 characters").default(""),
    summary: z.string().trim().max(200, "Use at most 200 characters").default(""),
    description: z.string().trim().max(5000, "Use at most 5000 characters").default(""),
  })
  .superRefine((translation, ctx) => {
    const { title, summary, description } = translation;
    if (!title && !summary && !description) return;
    if (title.length < 3) ctx.addIssue({ code: "custom", path: ["title"], message: "Enter a title of at least 3 characters, or leave the whole translation blank" });
    if (summary.length < 10) ctx.addIssue({ code: "custom", path: ["summary"], message: "Enter a summary of at least 10 characters, or leave the whole translation blank" });
    if (description.length < 20) ctx.addIssue({ code: "custom", path: ["description"], message: "Enter a description of at least 20 characters, or leave the whole translation blank" });
  });

export type TranslationInput = z.infer<typeof ZTranslationInput>;

const ZEventFields = z.object({
  /** The language title, summary and description are written in. */
  language: z.enum(LOCALES, { error: "Choose the language the event is written in" }).default("en"),
  /** The same texts in other languages, by language; one in the event's own language is ignored. */
  translations: z.partialRecord(z.enum(LOCALES), ZTranslationInput).default({}),
  title: text("a title", 3, 120),
  slug: z
    .string({ error: "Enter a web address" })
    .trim()
    .toLowerCase()
    .min(3, "Use at least 3 characters")
    .max(80, "Use at most 80 characters")
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, like summer-jazz-night"),
  summary: text("a summary", 10, 200),
  description: text("a description", 20, 5000),
  category: z.enum(Category, { error: "Choose a category" }),
  city: text("a city", 1, 80),
  neighbourhood: text("a neighbourhood", 1, 80),
  venueId: z.uuid("Choose a venue"),
  /** Whose event (issue 30): a member of one host may leave it out; the platform admin then writes for the venue's host. */
  hostId: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.uuid("Choose the host").optional()),
  imageAlt: text("a description of the image", 3, 200),
  /** JSON clients name an image already on the site; forms upload one instead. */
  imagePath: z.preprocess((value) => (value === "" ? undefined : value), ZImagePath.optional()),
  status: z.enum(["draft", "published"], { error: "Choose draft or published" }).default("draft"),
  /** OpenActive activity-list concept (its uuid) for a physical activity; empty for concerts and the like. */
  activityId: z.preprocess(
    (value) => (value === "" || value === undefined ? null : value),
    z.string().refine((value) => activityConcept(value) !== undefined, "Choose an activity from the list").nullable(),
  ),
  minAge: optionalAge("a minimum age"),
  maxAge: optionalAge("a maximum age"),
  /** Where attendees meet (issue 29.4): on the event page and in the reminder. Blank: none. */
  meetingPoint: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? null : value ?? null), z.string().trim().max(500, "Use at most 500 characters").nullable()),
  /** The reminder goes out this many hours before the start (0: no reminder; at most two weeks). Absent: 24. */
  reminderHoursBefore: z.preprocess((value) => (value === undefined ? 24 : value), wholeNumber("the hours before the start", 0, 336)),
  sessions: z.array(ZSessionInput).max(50, "Use at most 50 sessions").default([]),
  resources: z.array(ZResourceInput).max(10, "Use at most 10 bookable experiences").default([]),
  /** What buyers are asked, in the order they are asked (question-schemas.ts). The whole list: one left out is removed. */
  questions: z.array(ZQuestionInput).max(MAX_QUESTIONS, `Use at most ${MAX_QUESTIONS} questions`).default([]),
  /** Until how many minutes before the start a buyer may change a ticket's holder (0: until the start; up to 30 days). */
  holderChangeCutoffMinutes: z.preprocess((value) => (value === undefined ? 120 : value), wholeNumber("the minutes before the start", 0, 43_200)),
  /** Tickets cannot be passed on to someone else (issue 29): no holder changes. Absent: allowed. */
  transfersForbidden: flag.transform((value) => value ?? false),
  /** Whether and until when buyers may cancel, and the fee kept under `fee` (issue 29.1). Absent: free until 24 hours before. */
  cancellationPolicy: z.preprocess((value) => (value === undefined || value === "" ? "free" : value), z.enum(CANCELLATION_POLICIES, { error: "Choose how buyers may cancel" })),
  cancellationCutoffHours: z.preprocess((value) => (value === undefined ? 24 : value), wholeNumber("the hours before the start", 0, 8760)),
  cancellationFeePercent: z.preprocess((value) => (value === undefined || value === "" ? 0 : value), wholeNumber("the fee in percent", 0, 100)),
  /** How long a waiting-list offer holds its places (issue 29.3). Absent: 12 hours. */
  waitlistOfferHours: z.preprocess((value) => (value === undefined || value === "" ? 12 : value), wholeNumber("the hours an offer holds", 1, 336)),
});

type EventFields = z.infer<typeof ZEventFields>;

function refineEvent(event: EventFields, ctx: z.RefinementCtx) {
  refineQuestions(event, ctx);
  refineQuotas(event, ctx);
  if (typeof event.minAge === "number" && typeof event.maxAge === "number" && event.maxAge < event.minAge) {
    ctx.addIssue({ code: "custom", path: ["maxAge"], message: "At least the minimum age" });
  }
  // Runs even when other fields are invalid, so values are checked before use.
  const sessions = Array.isArray(event.sessions) ? event.sessions : [];
  const resources = Array.isArray(event.resources) ? event.resources : [];
  if (event.status === "published" && sessions.length === 0 && resources.length === 0) {
    ctx.addIssue({ code: "custom", path: ["status"], message: "Add a session or a bookable experience before publishing" });
  }
  // Sessions of one event share its venue: they may not overlap each other either
  // (the database's exclusion constraint would refuse it; say so next to the field).
  const timed = sessions
    .map((session, index) => ({ startsAt: session?.startsAt, endsAt: session?.endsAt, index }))
    .filter((session): session is { startsAt: string; endsAt: string; index: number } =>
      typeof session.startsAt === "string" && typeof session.endsAt === "string" && LOCAL_DATE_TIME.test(session.startsAt) && session.startsAt < session.endsAt)
    .sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
  for (let i = 1; i < timed.length; i++) {
    if (timed[i].startsAt < timed[i - 1].endsAt) {
      ctx.addIssue({
        code: "custom",
        path: ["sessions", timed[i].index, "startsAt"],
        message: `Overlaps session ${timed[i - 1].index + 1} of this event (the venue can host one session at a time)`,
      });
    }
  }
}

/** Each quota names ticket types of its own session, each at most once. */
function refineQuotas(event: { sessions?: unknown }, ctx: z.RefinementCtx) {
  const sessions = (Array.isArray(event.sessions) ? event.sessions : []) as { ticketTypes?: { id?: string }[]; quotas?: { ticketTypes?: unknown }[] }[];
  sessions.forEach((session, sessionIndex) => {
    (Array.isArray(session?.quotas) ? session.quotas : []).forEach((quota, quotaIndex) => {
      const refs = Array.isArray(quota?.ticketTypes) ? (quota.ticketTypes as unknown[]) : [];
      const places = refs.map((ref) => (typeof ref === "string" ? ticketTypePlace(sessions, ref) : null));
      if (places.some((place) => place === null || place.session !== sessionIndex)) {
        ctx.addIssue({ code: "custom", path: ["sessions", sessionIndex, "quotas", quotaIndex, "ticketTypes"], message: "Choose ticket types of this session" });
      } else if (new Set(places.map((place) => place!.type)).size < places.length) {
        ctx.addIssue({ code: "custom", path: ["sessions", sessionIndex, "quotas", quotaIndex, "ticketTypes"], message: "A ticket type appears twice" });
      }
    });
  });
}

export const ZCreateEvent = ZEventFields.superRefine(refineEvent, { when: () => true });
export const ZUpdateEvent = ZEventFields.extend({
  version: z.coerce.number({ error: "Reload the page and try again" }).int().positive("Reload the page and try again"),
}).superRefine(refineEvent, { when: () => true });

export type EventInput = z.infer<typeof ZCreateEvent>;

/** The event's own columns from a validated create or edit (image and version aside). */
export function eventColumns(input: EventInput, venueId: string, hostId: string) {
  return {
    hostId,
    slug: input.slug,
    title: input.title,
    summary: input.summary,
    description: input.description,
    language: input.language,
    category: input.category,
    city: input.city,
    neighbourhood: input.neighbourhood,
    imageAlt: input.imageAlt,
    status: input.status,
    venueId,
    activityId: input.activityId?.toLowerCase() ?? null,
    minAge: input.minAge,
    maxAge: input.maxAge,
    meetingPoint: input.meetingPoint,
    reminderHoursBefore: input.reminderHoursBefore,
    holderChangeCutoffMinutes: input.holderChangeCutoffMinutes,
    transfersForbidden: input.transfersForbidden,
    cancellationPolicy: input.cancellationPolicy,
    cancellationCutoffHours: input.cancellationCutoffHours,
    cancellationFeePercent: input.cancellationFeePercent,
    waitlistOfferHours: input.waitlistOfferHours,
  };
}
export type UpdateEventInput = z.infer<typeof ZUpdateEvent>;
export type SessionInput = z.infer<typeof ZSessionInput>;
export type TicketTypeInput = z.infer<typeof ZTicketTypeInput>;
export type ResourceInput = z.infer<typeof ZResourceInput>;
export type QuotaInput = z.infer<typeof ZQuotaInput>;

export const ZDeleteEvent = z.object({
  version: z.preprocess((value) => (value === "" || value === null ? undefined : value), z.coerce.number().int().positive().optional()),
});

export const ZOrderSearch = z.object({
  q: z.string().trim().max(254).default(""),
});
