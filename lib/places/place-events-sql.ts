// The events of a city or of a venue, for their pages and the city's calendar: the listing's
// own SQL (lib/catalog/catalog-sql.ts: published, with an upcoming session or bookable,
// soonest first) over the events of one place. No `server-only`: the client is passed in.
import type { Locale } from "@/lib/i18n/locales";
import { Prisma } from "../generated/prisma/client";
import { catalogQueries, clampPage, DEFAULT_PAGE_SIZE, pageOf, toEventCard, type CardRow, type CatalogDb } from "../catalog/catalog-sql";
import type { EventCard, Page } from "../catalog/types";

/** A city, a venue, or a host (issue 30: a host's page lists its events the same way). */
export type PlaceScope = { city: string } | { venueId: string } | { hostId: string };

function candidatesOf(scope: PlaceScope): Prisma.Sql {
  const where = "city" in scope ? Prisma.sql`v.city = ${scope.city}` : "venueId" in scope ? Prisma.sql`v.id = ${scope.venueId}::uuid` : Prisma.sql`e.host_id = ${scope.hostId}::uuid`;
  return Prisma.sql`
    SELECT e.id, e.title, e.venue_id, 0::float8 AS rank
      FROM events e JOIN venues v ON v.id = e.venue_id
     WHERE e.status = 'published' AND ${where}`;
}

export async function queryPlaceEvents(
  db: CatalogDb,
  scope: PlaceScope,
  options: { page?: number; pageSize?: number; now?: Date; locale?: Locale } = {},
): Promise<Page<EventCard>> {
  const page = clampPage(options.page);
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? DEFAULT_PAGE_SIZE), 1), 100);
  const queries = catalogQueries({
    candidates: candidatesOf(scope),
    filters: {},
    now: options.now ?? new Date(),
    order: "soonest",
    limit: pageSize,
    offset: (page - 1) * pageSize,
    fewCandidates: true,
    withTotal: true,
    locale: options.locale,
  });
  const rows = await db.$queryRaw<CardRow[]>(queries.page);
  const total = rows.length > 0 ? Number(rows[0].total) : (await db.$queryRaw<{ total: number }[]>(queries.count))[0].total;
  return pageOf(rows.map(toEventCard), page, pageSize, total);
}
