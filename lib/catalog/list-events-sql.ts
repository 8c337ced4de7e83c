// The listing query with the database client passed in (see catalog-sql.ts for why this
// file has no `server-only`). The app calls `listEvents` in list-events.ts.
import { Prisma } from "../generated/prisma/client";
import {
  CARD_COLUMNS,
  CARD_ORDER,
  clampPage,
  DEFAULT_PAGE_SIZE,
  listedEventsFrom,
  pageOf,
  toEventCard,
  type CardRow,
  type CatalogDb,
} from "./catalog-sql";
import type { EventCard, EventFilters, Page } from "./types";

export type ListEventsOptions = { now?: Date; pageSize?: number };

/** One query for the page and one count, both over stored figures (never order rows). */
export async function queryEventList(db: CatalogDb, filters: EventFilters, options: ListEventsOptions = {}): Promise<Page<EventCard>> {
  const now = options.now ?? new Date();
  const pageSize = Math.min(Math.max(options.pageSize ?? DEFAULT_PAGE_SIZE, 1), 100);
  const page = clampPage(filters.page);
  const from = listedEventsFrom(filters, now);
  const [rows, [{ total }]] = await Promise.all([
    db.$queryRaw<CardRow[]>(Prisma.sql`
      SELECT ${CARD_COLUMNS} ${from}
       ORDER BY ${CARD_ORDER}
       LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`),
    db.$queryRaw<{ total: number }[]>(Prisma.sql`SELECT count(*)::int AS total ${from}`),
  ]);
  return pageOf(rows.map(toEventCard), page, pageSize, total);
}
