// Building blocks of OpenActive Modelling Specification 2.0 data shared by the feeds' items:
// places, organisers, offers, activities and ages. Pure: no database here.
import { ACTIVITY_LIST_URL, activityConcept } from "./activities";

export const OPENACTIVE_CONTEXT = "https://openactive.io/";

/** RPDE's ISO 8601 profile has no fractional seconds: 2026-05-01T19:00:00Z. */
export function feedDateTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** ISO 8601 duration of whole minutes, e.g. PT2H, PT1H30M, PT45M. */
export function isoDuration(start: Date, end: Date): string {
  return isoMinutes(Math.max(0, Math.round((end.getTime() - start.getTime()) / 60_000)));
}

export function isoMinutes(minutes: number): string {
  if (minutes === 0) return "PT0M";
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `PT${hours ? `${hours}H` : ""}${rest ? `${rest}M` : ""}`;
}

/** "HH:MM" of minutes after midnight (1440 is "24:00", schema.org's end of day). */
export function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function absoluteUrl(path: string, baseUrl: string): string {
  return /^https?:\/\//.test(path) ? path : `${baseUrl}${path.startsWith("/") ? "" : "/"}${path}`;
}

export const eventUrlOf = (baseUrl: string, slug: string) => `${baseUrl}/events/${slug}`;

/** The venue columns every feed reads (null where the venue does not say). */
export type VenueColumns = {
  venue_id: string | null;
  venue_name: string | null;
  address: string | null;
  city: string | null;
  postal_code: string | null;
  region: string | null;
  country: string | null;
  phone: string | null;
  venue_url: string | null;
  latitude: number | null;
  longitude: number | null;
};

const present = <T extends Record<string, unknown>>(object: T): Partial<T> =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== null && value !== undefined && value !== "")) as Partial<T>;

/** The venue as a Place with a PostalAddress and GeoCoordinates. */
export function placeOf(venue: VenueColumns, baseUrl: string): Record<string, unknown> {
  const place: Record<string, unknown> = {
    "@type": "Place",
    "@id": `${baseUrl}/openactive#place-${venue.venue_id}`,
    identifier: venue.venue_id,
    name: venue.venue_name,
    address: {
      "@type": "PostalAddress",
      ...present({
        streetAddress: venue.address,
        addressLocality: venue.city,
        addressRegion: venue.region,
        postalCode: venue.postal_code,
        addressCountry: venue.country?.trim(),
      }),
    },
    ...present({ telephone: venue.phone, url: venue.venue_url }),
  };
  if (venue.latitude !== null && venue.longitude !== null) {
    place.geo = { "@type": "GeoCoordinates", latitude: venue.latitude, longitude: venue.longitude };
  }
  return place;
}

/** The host columns every feed with an organizer reads (issue 30). */
export type HostColumns = { host_id: string | null; host_slug: string | null; host_name: string | null };

/** Who runs an event: its host (issue 30), as an Organization with its public page. */
export function organizerOf(host: HostColumns, baseUrl: string): Record<string, unknown> {
  return {
    "@type": "Organization",
    "@id": `${baseUrl}/openactive#organization-${host.host_id}`,
    identifier: host.host_id,
    name: host.host_name,
    url: `${baseUrl}/hosts/${host.host_slug}`,
  };
}

/** `sales_*_minutes_before`: a ticket type's sale window (issue 28) as minutes before the session starts. */
export type OfferColumns = {
  id: string;
  name: string;
  description: string;
  price_minor: number;
  currency: string;
  sales_start_minutes_before?: number | null;
  sales_end_minutes_before?: number | null;
};

/** Minor units to a decimal amount (the storefront's currencies have two decimals). */
export const priceOf = (minor: number) => minor / 100;

/** An offer, carrying the event's age limit (OpenActive: the ages this price is for). */
export function offerOf(offer: OfferColumns, url: string, ages: { min_age: number | null; max_age: number | null } = { min_age: null, max_age: null }): Record<string, unknown> {
  const { ageRange } = ageRangeOf(ages.min_age, ages.max_age);
  return {
    "@type": "Offer",
    "@id": `${url}#offer-${offer.id}`,
    identifier: offer.id,
    name: offer.name,
    ...(offer.description ? { description: offer.description } : {}),
    price: priceOf(offer.price_minor),
    priceCurrency: offer.currency,
    // The sale window, as OpenActive writes it: how long before the start booking opens and closes.
    ...(offer.sales_start_minutes_before != null && offer.sales_start_minutes_before > 0 ? { validFromBeforeStartDate: isoMinutes(offer.sales_start_minutes_before) } : {}),
    ...(offer.sales_end_minutes_before != null && offer.sales_end_minutes_before > 0 ? { validThroughBeforeStartDate: isoMinutes(offer.sales_end_minutes_before) } : {}),
    url,
    ...(ageRange ? { ageRestriction: ageRange } : {}),
  };
}

/** `isAccessibleForFree` where one can take part for free (OpenActive: any offer priced 0). */
export function freeness(offers: { price_minor: number }[]): Record<string, unknown> {
  return offers.some((offer) => offer.price_minor === 0) ? { isAccessibleForFree: true } : {};
}

/** `activity` for a physical activity from the OpenActive list; nothing for other events. */
export function activityOf(activityId: string | null): Record<string, unknown> {
  const concept = activityConcept(activityId);
  if (!concept) return {};
  return { activity: [{ "@type": "Concept", "@id": concept.id, prefLabel: concept.prefLabel, inScheme: ACTIVITY_LIST_URL }] };
}

/** `ageRange` (a QuantitativeValue) where the event has an age limit. */
export function ageRangeOf(minAge: number | null, maxAge: number | null): Record<string, unknown> {
  if (minAge === null && maxAge === null) return {};
  return { ageRange: { "@type": "QuantitativeValue", ...present({ minValue: minAge, maxValue: maxAge }) } };
}

/** Nothing on sale here is restricted by gender: said explicitly, as OpenActive recommends. */
export const NO_GENDER_RESTRICTION = { genderRestriction: "https://openactive.io/NoRestriction" } as const;

export function eventStatusOf(cancelled: boolean): string {
  return cancelled ? "https://schema.org/EventCancelled" : "https://schema.org/EventScheduled";
}

export function imagesOf(imagePath: string | null, imageAlt: string | null, baseUrl: string): Record<string, unknown> {
  if (!imagePath) return {};
  return { image: [{ "@type": "ImageObject", url: absoluteUrl(imagePath, baseUrl), ...(imageAlt ? { description: imageAlt } : {}) }] };
}
