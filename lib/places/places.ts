import "server-only";
import { cachedPublicRead, PUBLIC_TAGS } from "@/lib/cache/public-pages";
import { lagTolerantRead } from "@/lib/db/read-replica";
import { isUuid } from "@/lib/ids";
import type { Locale } from "@/lib/i18n/locales";
import type { EventCard, Page } from "@/lib/catalog/types";
import { citySlug, isCitySlug } from "./city-slug";
import { queryPlaceEvents, type PlaceScope } from "./place-events-sql";

// City and venue pages (issue 31, item 4). A city is the venues' own `city` value; it and a
// venue are public pages once a published event is there. (Host pages come here too once
// hosts exist: a host's page would list its venues and events the same way.) Read from the
// replica when there is one (lib/db/read-replica.ts): public pages tolerate a little lag; and
// kept in Next's cache under the catalog's tag (lib/cache/public-pages.ts).

const CATALOG = () => [PUBLIC_TAGS.catalog];

export type CityView = { name: string; slug: string; country: string | null; venueCount: number };

export type VenueView = {
  id: string;
  name: string;
  address: string;
  city: string;
  citySlug: string;
  neighbourhood: string;
  postalCode: string | null;
  region: string | null;
  country: string | null;
  timeZone: string;
  latitude: number | null;
  longitude: number | null;
  url: string | null;
  phone: string | null;
  updatedAt: Date | null;
};

/** Cities with at least one published event, by name. */
export const listCities: () => Promise<CityView[]> = cachedPublicRead("listCities", () => readCities(), CATALOG);

async function readCities(): Promise<CityView[]> {
  const rows = await lagTolerantRead((db) => db.$queryRaw<{ city: string; country: string | null; venues: number }[]>`
    SELECT v.city, min(v.country) AS country, count(DISTINCT v.id)::int AS venues
      FROM venues v
     WHERE EXISTS (SELECT 1 FROM events e WHERE e.venue_id = v.id AND e.status = 'published')
     GROUP BY v.city
     ORDER BY v.city`);
  return rows.map((row) => ({ name: row.city, slug: citySlug(row.city), country: row.country?.trim() ?? null, venueCount: row.venues }));
}

/** The city of a URL name, or null when no published event is there. */
export async function getCityBySlug(slug: string): Promise<CityView | null> {
  if (!isCitySlug(slug)) return null;
  return (await listCities()).find((city) => city.slug === slug) ?? null;
}

const venueSelect = {
  id: true, name: true, address: true, city: true, neighbourhood: true, postalCode: true, region: true, country: true,
  timeZone: true, latitude: true, longitude: true, url: true, phone: true,
} as const;

type VenueRow = Omit<VenueView, "citySlug" | "updatedAt">;

function toVenueView(venue: VenueRow, updatedAt: Date | null = null): VenueView {
  return { ...venue, country: venue.country?.trim() ?? null, citySlug: citySlug(venue.city), updatedAt };
}

/** The venues of `city` with a published event, by name. */
export const listCityVenues: (city: string) => Promise<VenueView[]> = cachedPublicRead("listCityVenues", readCityVenues, CATALOG);

async function readCityVenues(city: string): Promise<VenueView[]> {
  const venues = await lagTolerantRead((db) =>
    db.venue.findMany({
      where: { city, events: { some: { status: "published" } } },
      select: venueSelect,
      orderBy: { name: "asc" },
    }),
  );
  return venues.map((venue) => toVenueView(venue));
}

/** A venue with a published event, or null. */
export async function getPublicVenue(id: string): Promise<VenueView | null> {
  return isUuid(id) ? cachedVenue(id) : null;
}

const cachedVenue = cachedPublicRead("publicVenue", (id: string) => readPublicVenue(id), CATALOG);

async function readPublicVenue(id: string): Promise<VenueView | null> {
  if (!isUuid(id)) return null;
  const venue = await lagTolerantRead((db) =>
    db.venue.findFirst({
      where: { id, events: { some: { status: "published" } } },
      select: { ...venueSelect, events: { where: { status: "published" }, select: { updatedAt: true }, orderBy: { updatedAt: "desc" }, take: 1 } },
    }),
  );
  if (!venue) return null;
  const { events, ...rest } = venue;
  return toVenueView(rest, events[0]?.updatedAt ?? null);
}

/** Every public venue (for the sitemap): id, city and when its newest event changed. */
export async function listPublicVenues(): Promise<{ id: string; city: string; updatedAt: Date }[]> {
  return lagTolerantRead((db) => db.$queryRaw<{ id: string; city: string; updatedAt: Date }[]>`
    SELECT v.id, v.city, max(e.updated_at) AS "updatedAt"
      FROM venues v JOIN events e ON e.venue_id = v.id AND e.status = 'published'
     GROUP BY v.id, v.city
     ORDER BY v.city, v.id`);
}

/** The on-sale events of a city or a venue, soonest first (the listing's rules). */
export const listPlaceEvents: (scope: PlaceScope, options?: { page?: number; locale?: Locale; pageSize?: number }) => Promise<Page<EventCard>> = cachedPublicRead(
  "listPlaceEvents",
  (scope: PlaceScope, options: { page?: number; locale?: Locale; pageSize?: number } = {}) => readPlaceEvents(scope, options),
  CATALOG,
);

function readPlaceEvents(scope: PlaceScope, options: { page?: number; locale?: Locale; pageSize?: number } = {}): Promise<Page<EventCard>> {
  return lagTolerantRead((db) => queryPlaceEvents(db, scope, options));
}
