import "server-only";
import { prisma } from "@/lib/db";
import { LOCALES } from "@/lib/i18n/locales";
import { listPublicHosts } from "@/lib/hosts/public-host";
import { listCities, listPublicVenues } from "@/lib/places/places";
import { MAX_SITEMAP_URLS, sitemapEntriesFor, type SitemapEntry, type SitemapPage } from "./sitemap-entries";

/** Public pages that are not events, cities or venues (account, checkout and order pages are private). */
const FIXED_PAGES: SitemapPage[] = [
  { path: "/", changeFrequency: "hourly", priority: 1 },
  { path: "/search", changeFrequency: "daily", priority: 0.5 },
  { path: "/openactive", changeFrequency: "monthly", priority: 0.2 },
  { path: "/developers", changeFrequency: "monthly", priority: 0.2 },
];

/**
 * Every public page: the fixed pages, each published event, each city, venue and host with a
 * published event. The newest events first, so a
 * catalogue past one file's 50,000 URLs keeps its freshest pages.
 */
export async function sitemapEntries(base: string): Promise<SitemapEntry[]> {
  const [events, cities, venues, hosts] = await Promise.all([
    prisma.event.findMany({ where: { status: "published" }, select: { slug: true, updatedAt: true }, orderBy: [{ updatedAt: "desc" }, { id: "asc" }], take: Math.floor(MAX_SITEMAP_URLS / LOCALES.length) }),
    listCities(),
    listPublicVenues(),
    listPublicHosts(),
  ]);
  const newestIn = new Map<string, Date>();
  for (const venue of venues) {
    const known = newestIn.get(venue.city);
    if (!known || venue.updatedAt > known) newestIn.set(venue.city, venue.updatedAt);
  }
  const pages: SitemapPage[] = [
    ...FIXED_PAGES,
    ...cities.map((city) => ({ path: `/cities/${city.slug}`, lastModified: newestIn.get(city.name), changeFrequency: "daily" as const, priority: 0.8 })),
    ...venues.map((venue) => ({ path: `/venues/${venue.id}`, lastModified: venue.updatedAt, changeFrequency: "weekly" as const, priority: 0.6 })),
    ...hosts.map((host) => ({ path: `/hosts/${host.slug}`, lastModified: host.updatedAt, changeFrequency: "weekly" as const, priority: 0.6 })),
    ...events.map((event) => ({ path: `/events/${event.slug}`, lastModified: event.updatedAt, changeFrequency: "daily" as const, priority: 0.7 })),
  ];
  return sitemapEntriesFor(pages, base).slice(0, MAX_SITEMAP_URLS);
}
