// One session as an RPDE item whose data follows the OpenActive Modelling Opportunity Data
// shape of a ScheduledSession (schema.org Event vocabulary). Pure: no database here.

export const FEED_KIND = "ScheduledSession";
export const FEED_LICENSE = "https://creativecommons.org/licenses/by/4.0/";
const OPENACTIVE_CONTEXT = "https://openactive.io/";

export type FeedOffer = { id: string; name: string; description: string; price_minor: number; currency: string };

/** One row of the feed query (lib/feeds/sessions-feed.ts); the data columns are null for deleted items. */
export type FeedRow = {
  change_number: bigint;
  id: string;
  deleted: boolean;
  starts_at: Date | null;
  ends_at: Date | null;
  cancelled: boolean | null;
  remaining: number | null;
  capacity: number | null;
  event_id: string | null;
  slug: string | null;
  title: string | null;
  summary: string | null;
  description: string | null;
  event_status: string | null;
  image_path: string | null;
  image_alt: string | null;
  venue_id: string | null;
  venue_name: string | null;
  address: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  offers: FeedOffer[] | null;
};

export type FeedItem =
  | { state: "updated"; kind: typeof FEED_KIND; id: string; modified: number; data: Record<string, unknown> }
  | { state: "deleted"; kind: typeof FEED_KIND; id: string; modified: number };

/** RPDE's ISO 8601 profile has no fractional seconds: 2026-05-01T19:00:00Z. */
export function feedDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** ISO 8601 duration of whole minutes, e.g. PT2H, PT1H30M, PT45M. */
export function isoDuration(start: Date, end: Date): string {
  const minutes = Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (minutes === 0) return "PT0M";
  return `PT${hours ? `${hours}H` : ""}${rest ? `${rest}M` : ""}`;
}

function absoluteUrl(path: string, baseUrl: string): string {
  return /^https?:\/\//.test(path) ? path : `${baseUrl}${path.startsWith("/") ? "" : "/"}${path}`;
}

export function toFeedItem(row: FeedRow, baseUrl: string): FeedItem {
  const modified = Number(row.change_number);
  // A session of a draft event is not public: it is "deleted" until the event is published,
  // so a consumer that saw it before the event was unpublished removes it.
  if (row.deleted || row.event_status === "draft" || !row.starts_at || !row.ends_at || !row.slug) {
    return { state: "deleted", kind: FEED_KIND, id: row.id, modified };
  }
  const eventUrl = `${baseUrl}/events/${row.slug}`;
  const cancelled = row.cancelled === true || row.event_status === "cancelled";
  const location: Record<string, unknown> = {
    "@type": "Place",
    identifier: row.venue_id,
    name: row.venue_name,
    address: {
      "@type": "PostalAddress",
      streetAddress: row.address,
      addressLocality: row.city,
    },
  };
  if (row.latitude !== null && row.longitude !== null) {
    location.geo = { "@type": "GeoCoordinates", latitude: row.latitude, longitude: row.longitude };
  }
  return {
    state: "updated",
    kind: FEED_KIND,
    id: row.id,
    modified,
    data: {
      "@context": OPENACTIVE_CONTEXT,
      "@type": "ScheduledSession",
      "@id": `${eventUrl}#session-${row.id}`,
      identifier: row.id,
      url: eventUrl,
      startDate: feedDateTime(row.starts_at),
      endDate: feedDateTime(row.ends_at),
      duration: isoDuration(row.starts_at, row.ends_at),
      eventStatus: cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled",
      remainingAttendeeCapacity: row.remaining ?? 0,
      maximumAttendeeCapacity: row.capacity ?? 0,
      superEvent: {
        "@type": "Event",
        "@id": eventUrl,
        identifier: row.event_id,
        name: row.title,
        // The storefront keeps descriptions as plain text (no HTML or Markdown to strip).
        description: row.description,
        disambiguatingDescription: row.summary,
        url: eventUrl,
        ...(row.image_path ? { image: [{ "@type": "ImageObject", url: absoluteUrl(row.image_path, baseUrl), ...(row.image_alt ? { description: row.image_alt } : {}) }] } : {}),
        location,
      },
      offers: (row.offers ?? []).map((offer) => ({
        "@type": "Offer",
        "@id": `${eventUrl}#offer-${offer.id}`,
        identifier: offer.id,
        name: offer.name,
        ...(offer.description ? { description: offer.description } : {}),
        // Minor units to a decimal amount (the storefront's currencies have two decimals).
        price: offer.price_minor / 100,
        priceCurrency: offer.currency,
        url: eventUrl,
      })),
    },
  };
}
