// schema.org markup for search engines: Event on event pages, Place on venue pages, an
// ItemList of events on city pages. Pure; each `*JsonLd` returns a string safe to embed in a
// <script type="application/ld+json"> tag.
import type { EventCard, EventDetail } from "./types";

const SCHEMA = "https://schema.org";

type JsonObject = Record<string, unknown>;

/** Escaping "<" keeps "</script>" in a title from closing the tag. */
function toScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

function compact(value: JsonObject): JsonObject {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== null && entry !== undefined && entry !== ""));
}

export type PlaceFacts = {
  name: string;
  address: string;
  city: string;
  postalCode?: string | null;
  region?: string | null;
  country?: string | null;
  latitude: number | null;
  longitude: number | null;
};

/** A Place with its full PostalAddress and, when known, its coordinates. */
export function placeOf(venue: PlaceFacts, url?: string): JsonObject {
  return compact({
    "@type": "Place",
    name: venue.name,
    url,
    address: compact({
      "@type": "PostalAddress",
      streetAddress: venue.address,
      addressLocality: venue.city,
      postalCode: venue.postalCode,
      addressRegion: venue.region,
      addressCountry: venue.country,
    }),
    geo: venue.latitude !== null && venue.longitude !== null ? { "@type": "GeoCoordinates", latitude: venue.latitude, longitude: venue.longitude } : undefined,
  });
}

/** Who runs the event: its host (issue 30), with its public page in the page's language. */
function organizerOf(host: EventDetail["host"], url: string): JsonObject {
  const page = new URL(url);
  const locale = /^\/(pt|es|ca|de)\//.exec(page.pathname)?.[1];
  return { "@type": "Organization", name: host.name, url: new URL(`${locale ? `/${locale}` : ""}/hosts/${host.slug}`, url).toString() };
}

const price = (minor: number) => (minor / 100).toFixed(2);

function availabilityOf(remaining: number, capacity: number): string {
  if (remaining <= 0) return `${SCHEMA}/SoldOut`;
  if (remaining <= Math.max(5, capacity * 0.1)) return `${SCHEMA}/LimitedAvailability`;
  return `${SCHEMA}/InStock`;
}

/** The event's markup: one Event per upcoming session (a bookable experience: one, with its price per slot). */
export function eventJsonLd(event: EventDetail, url: string, options: { venueUrl?: string } = {}): string {
  const location = placeOf(event.venue, options.venueUrl);
  const validFrom = event.createdAt.toISOString();
  const base = {
    "@context": SCHEMA,
    "@type": "Event",
    name: event.title,
    description: event.summary,
    image: [new URL(event.imagePath, url).toString()],
    url,
    inLanguage: event.language,
    eventStatus: event.status === "cancelled" ? `${SCHEMA}/EventCancelled` : `${SCHEMA}/EventScheduled`,
    eventAttendanceMode: `${SCHEMA}/OfflineEventAttendanceMode`,
    location,
    organizer: organizerOf(event.host, url),
  };
  const offersFor = (session: EventDetail["sessions"][number]) =>
    session.ticketTypes.map((type) => ({
      "@type": "Offer",
      name: type.name,
      price: price(type.priceMinor),
      priceCurrency: type.currency.trim(),
      // A sale window (issue 28): before its start the offer is announced as a presale.
      availability: !session.onSale ? `${SCHEMA}/SoldOut` : type.salesStart && type.salesStart > new Date() ? `${SCHEMA}/PreSale` : availabilityOf(type.remaining, type.capacity),
      validFrom: type.salesStart?.toISOString() ?? validFrom,
      validThrough: (type.salesEnd && type.salesEnd < session.startsAt ? type.salesEnd : session.startsAt).toISOString(),
      url,
    }));
  const resourceOffers = event.resources.map((resource) => ({
    "@type": "Offer",
    name: resource.name,
    price: price(resource.priceMinorPerSlot),
    priceCurrency: resource.currency.trim(),
    availability: `${SCHEMA}/InStock`,
    validFrom,
    url,
  }));
  const items = event.sessions.length
    ? event.sessions.map((session) => ({ ...base, startDate: session.startsAt.toISOString(), endDate: session.endsAt.toISOString(), offers: offersFor(session) }))
    : [{ ...base, ...(resourceOffers.length ? { offers: resourceOffers } : {}) }];
  return toScript(items.length === 1 ? items[0] : items);
}

/** A short Event for a listing (a city's or a venue's): what a search engine needs to link it. */
function eventSummaryOf(card: EventCard, eventUrl: string, location: JsonObject): JsonObject {
  return compact({
    "@type": "Event",
    name: card.title,
    url: eventUrl,
    image: card.imagePath ? new URL(card.imagePath, eventUrl).toString() : undefined,
    startDate: card.nextStartsAt?.toISOString(),
    eventStatus: `${SCHEMA}/EventScheduled`,
    eventAttendanceMode: `${SCHEMA}/OfflineEventAttendanceMode`,
    location,
    offers: card.priceFromMinor === null ? undefined : {
      "@type": "AggregateOffer",
      lowPrice: price(card.priceFromMinor),
      priceCurrency: card.currency,
      availability: card.availability === "sold_out" ? `${SCHEMA}/SoldOut` : card.availability === "few_left" ? `${SCHEMA}/LimitedAvailability` : `${SCHEMA}/InStock`,
      url: eventUrl,
    },
  });
}

/** A city page: the listed events as an ItemList, in the page's order. */
export function cityJsonLd(options: { city: string; url: string; events: EventCard[]; eventUrl: (slug: string) => string }): string {
  return toScript({
    "@context": SCHEMA,
    "@type": "ItemList",
    name: options.city,
    url: options.url,
    itemListElement: options.events.map((card, index) => ({
      "@type": "ListItem",
      position: index + 1,
      item: eventSummaryOf(card, options.eventUrl(card.slug), { "@type": "Place", name: card.venueName, address: { "@type": "PostalAddress", addressLocality: card.city } }),
    })),
  });
}

/** A venue page: the Place, with its listed events. */
export function venueJsonLd(options: { venue: PlaceFacts; url: string; events: EventCard[]; eventUrl: (slug: string) => string }): string {
  const place = placeOf(options.venue, options.url);
  const { "@type": _type, ...placeFacts } = place;
  void _type;
  return toScript({
    "@context": SCHEMA,
    "@type": "Place",
    ...placeFacts,
    event: options.events.map((card) => eventSummaryOf(card, options.eventUrl(card.slug), { "@type": "Place", name: options.venue.name, url: options.url })),
  });
}
