// The listing query with the database client passed in (see catalog-sql.ts for why this
// file has no `server-only`). The app calls `listEvents` in list-events.ts.
import { catalogQueries, clampPage, DEFAULT_PAGE_SIZE, listCandidates, pageOf, toEventCard, type CardRow, type CatalogDb } from "./catalog-sql";
import type { Locale } from "@/lib/i18n/locales";
import type { EventCard, EventFilters, Page } from "./types";

export type ListEventsOptions = { now?: Date; pageSize?: number; locale?: Locale };

/** One query for the page and one count, both over stored figures (never order rows). */
export async function queryEventList(db: CatalogDb, filters: EventFilters, options: ListEventsOptions = {}): Promise<Page<EventCard>> {
  const now = options.now ?? new Date();
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? DEFAULT_PAGE_SIZE), 1), 100);
  const page = clampPage(filters.page);
  const near = Boolean(filters.near?.from);
  const queries = catalogQueries({
    candidates: listCandidates(filters),
    filters,
    now,
    order: "soonest",
    limit: pageSize,
    offset: (page - 1) * pageSize,
    // A category, a place or a distance narrows the events enough to aggregate only their sessions.
    fewCandidates: Boolean(filters.category || filters.where || near),
    // Near a point, the page carries the total (one query; a count only past the last page).
    withTotal: near,
    locale: options.locale,
  });
  if (near) {
    const rows = await db.$queryRaw<CardRow[]>(queries.page);
    const total = rows.length > 0 ? Number(rows[0].total) : (await db.$queryRaw<{ total: number }[]>(queries.count))[0].total;
    return pageOf(rows.map(toEventCard), page, pageSize, total);
  }
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<CardRow[]>(queries.page),
    db.$queryRaw<{ total: number }[]>(queries.count),
  ]);
  return pageOf(rows.map(toEventCard), page, pageSize, total);
}
