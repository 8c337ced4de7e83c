// What the event form shows: strings as the inputs hold them. Shared by the server (which
// fills it from the database) and the client form component; no server code here.
import type { Category } from "@/lib/generated/prisma/enums";
import type { Locale } from "@/lib/i18n/locales";
import type { QuestionKind } from "@/lib/questions/question";

/** One language's texts of an event, as the translation inputs hold them. */
export type TranslationFormValues = { title: string; summary: string; description: string };

export type TicketTypeFormValues = {
  key: string;
  id: string;
  name: string;
  description: string;
  price: string;
  currency: string;
  capacity: string;
  /** The name in other languages than the event's (blank: readers see `name`). */
  nameTranslations: Partial<Record<Locale, string>>;
  /** Read-only figures of an existing ticket type. */
  sold: number;
  held: number;
  /** On sale from / until on the venue's clock ("" for none), and whether a code must reveal it. */
  salesStart: string;
  salesEnd: string;
  hidden: boolean;
  tiers: PriceTierFormValues[];
};

/** An early price: until a time on the venue's clock and/or until this many are taken ("" for none). */
export type PriceTierFormValues = { key: string; price: string; until: string; untilTaken: string };

/** A shared capacity of a session: the ticket types it covers by id, or by place for new ones. */
export type QuotaFormValues = { key: string; id: string; name: string; capacity: string; ticketTypes: string[]; taken: number };

export type SessionFormValues = { key: string; id: string; startsAt: string; endsAt: string; ticketTypes: TicketTypeFormValues[]; quotas: QuotaFormValues[] };

export type ResourceFormValues = {
  key: string;
  id: string;
  name: string;
  opensAt: string;
  closesAt: string;
  slotMinutes: string;
  minMinutes: string;
  maxMinutes: string;
  price: string;
  currency: string;
  bookings: number;
};

export type QuestionOptionFormValues = {
  key: string;
  /** "" until typed or saved; a saved choice's id is kept in answers, so the form shows it read-only. */
  id: string;
  saved: boolean;
  label: string;
  labelTranslations: Partial<Record<Locale, string>>;
};

export type QuestionFormValues = {
  key: string;
  id: string;
  kind: QuestionKind;
  label: string;
  labelTranslations: Partial<Record<Locale, string>>;
  options: QuestionOptionFormValues[];
  required: boolean;
  perTicket: boolean;
  /** "" for the whole event, else the ticket type's id (a new type: its place, `sessions.0.ticketTypes.1`). */
  ticketType: string;
  showAtDoor: boolean;
};

export type EventFormValues = {
  id: string | null;
  version: number | null;
  title: string;
  slug: string;
  summary: string;
  description: string;
  /** The language the texts above are written in, and their translations by language. */
  language: Locale;
  translations: Partial<Record<Locale, TranslationFormValues>>;
  category: Category | "";
  city: string;
  neighbourhood: string;
  venueId: string;
  /** Whose event; "" on a new one (a member's only host, or the venue's). */
  hostId: string;
  imagePath: string;
  imageAlt: string;
  status: "draft" | "published" | "cancelled";
  /** OpenActive activity concept uuid, "" for none; ages as typed, "" for no limit. */
  activityId: string;
  minAge: string;
  maxAge: string;
  /** Where attendees meet ("" for none) and the reminder's hours before the start, as typed. */
  meetingPoint: string;
  reminderHoursBefore: string;
  sessions: SessionFormValues[];
  resources: ResourceFormValues[];
  questions: QuestionFormValues[];
  /** Minutes before the start until which a buyer may change a ticket's holder, as typed. */
  holderChangeCutoffMinutes: string;
  transfersForbidden: boolean;
  /** The cancellation policy (issue 29.1): none, free or fee; hours and percent as typed. */
  cancellationPolicy: "none" | "free" | "fee";
  cancellationCutoffHours: string;
  cancellationFeePercent: string;
  /** Hours a waiting-list offer holds its places (issue 29.3), as typed. */
  waitlistOfferHours: string;
};

/** Upload rules, shown in the form and enforced by lib/admin/events/prepare-event-image.ts. */
export const IMAGE_RULES = {
  maxBytes: 5 * 1024 * 1024,
  types: ["image/jpeg", "image/png", "image/webp", "image/avif"],
  minWidth: 320,
  minHeight: 200,
} as const;

export type VenueOption = { id: string; name: string; city: string; neighbourhood: string; timeZone: string; hostId: string };

export function priceText(minor: number): string {
  return (minor / 100).toFixed(2);
}

export const EMPTY_EVENT: EventFormValues = {
  id: null,
  version: null,
  title: "",
  slug: "",
  summary: "",
  description: "",
  language: "en",
  translations: {},
  category: "",
  city: "",
  neighbourhood: "",
  venueId: "",
  hostId: "",
  imagePath: "",
  imageAlt: "",
  status: "draft",
  activityId: "",
  minAge: "",
  maxAge: "",
  meetingPoint: "",
  reminderHoursBefore: "24",
  sessions: [],
  resources: [],
  questions: [],
  holderChangeCutoffMinutes: "120",
  transfersForbidden: false,
  cancellationPolicy: "free",
  cancellationCutoffHours: "24",
  cancellationFeePercent: "0",
  waitlistOfferHours: "12",
};
