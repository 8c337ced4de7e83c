// What the storefront shows. Produced by lib/catalog, rendered by app/ and components/.
import type { Locale } from "@/lib/i18n/locales";
import type { Category } from "@/lib/generated/prisma/enums";
import type { Question } from "@/lib/questions/question";
import type { NearFilter } from "@/lib/places/near-filter";
import type { CancellationPolicy } from "@/lib/orders/cancellation-policy";

export type { Category };

export const CATEGORIES: { value: Category; label: string }[] = [
  { value: "concert", label: "Concerts" },
  { value: "festival", label: "Festivals" },
  { value: "comedy", label: "Comedy" },
  { value: "workshop", label: "Workshops" },
  { value: "tour", label: "Tours" },
  { value: "food", label: "Food & drink" },
  { value: "theatre", label: "Theatre" },
  { value: "family", label: "Family" },
];

export type Availability = "available" | "few_left" | "sold_out";

export type EventCard = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  /** The language title and summary are in: the reader's when translated, else the event's own. */
  language: Locale;
  category: Category;
  city: string;
  neighbourhood: string;
  imagePath: string;
  imageAlt: string;
  venueName: string;
  timeZone: string;
  /** Next upcoming session start, or null for a bookable experience without sessions. */
  nextStartsAt: Date | null;
  /** Lowest price over upcoming sessions' ticket types (or per slot of a bookable experience). */
  priceFromMinor: number | null;
  currency: string;
  /** Stored remaining places summed over upcoming sessions (null for bookable experiences). */
  remaining: number | null;
  availability: Availability;
  bookable: boolean;
  /** Metres from the point a "near" filter measures from to the event's venue; absent without one, or for a venue without coordinates. */
  distanceM?: number;
};

/** A search hit: the card plus a snippet in which matches sit between \u0001 and \u0002. */
export type SearchHit = EventCard & { snippet: string; rank: number };

export type EventFilters = {
  category?: Category;
  /** City or neighbourhood name, matched case- and accent-insensitively. */
  where?: string;
  date?: "today" | "weekend" | "range";
  /** YYYY-MM-DD, inclusive; used when date = "range". */
  from?: string;
  to?: string;
  free?: boolean;
  /** Maximum price in minor units. */
  maxPriceMinor?: number;
  available?: boolean;
  /** Near the visitor or a typed place (lib/places/near-filter.ts): sorts by distance, and filters within `radiusKm`. */
  near?: NearFilter;
  page: number;
};

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number; pageCount: number };

export type TicketTypeView = {
  id: string;
  name: string;
  description: string;
  /** The price once every early tier has ended. */
  priceMinor: number;
  currency: string;
  capacity: number;
  remaining: number;
  /** On sale from (null: from publishing) until (null: until the session starts). */
  salesStart: Date | null;
  salesEnd: Date | null;
  /** Early prices, in order: until an instant and/or until this many places are taken. */
  tiers: { priceMinor: number; until: Date | null; untilTaken: number | null }[];
  /** Sold only with a code that reveals it (listed only when asked `withHidden`). */
  hidden: boolean;
};

export type SessionView = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  remaining: number;
  onSale: boolean;
  ticketTypes: TicketTypeView[];
};

export type ResourceView = {
  id: string;
  name: string;
  opensMinute: number;
  closesMinute: number;
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  priceMinorPerSlot: number;
  currency: string;
};

export type EventDetail = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  description: string;
  /** The language title, summary and description are shown in (lib/catalog/localise-event.ts). */
  language: Locale;
  /** The language the event is written in. */
  originalLanguage: Locale;
  /** The reader asked for another language and there is no translation: the original is shown. */
  untranslated: boolean;
  category: Category;
  city: string;
  neighbourhood: string;
  imagePath: string;
  imageAlt: string;
  status: "draft" | "published" | "cancelled";
  /** When the event was put up: its offers are valid from then (schema.org `validFrom`). */
  createdAt: Date;
  updatedAt: Date;
  /** Who runs it (issue 30): its public page's slug and its name in the reader's language. */
  host: { slug: string; name: string };
  venue: {
    id: string; name: string; address: string; city: string; neighbourhood: string; timeZone: string; latitude: number | null; longitude: number | null;
    postalCode: string | null; region: string | null; /** ISO 3166-1 alpha-2. */ country: string | null;
  };
  /** Upcoming, not cancelled sessions, soonest first. */
  sessions: SessionView[];
  resources: ResourceView[];
  /** What the event asks its buyers (lib/questions), labels as written (the panel localises them). */
  questions: Question[];
  /** Until how many minutes before the start a ticket's holder may be changed. */
  holderChangeCutoffMinutes: number;
  /** Whether and until when a buyer may cancel, and the fee kept (issue 29.1). */
  cancellation: CancellationPolicy;
  /** Where attendees meet, as the organiser wrote it (issue 29.4); null: nothing beyond the venue. */
  meetingPoint: string | null;
};
