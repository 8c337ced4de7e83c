// SQL shared by the listing and the search: which events are listed, the filters, the
// per-card figures, and the mapping of a row to an EventCard.
//
// No `server-only` here (nor in list-events-sql.ts / search-events-sql.ts): the functions
// take the database client as an argument, so `scripts/bench-search.ts` runs exactly the
// same SQL with its own client. The app reaches them through list-events.ts and
// search-events.ts, which bind the app's client.
//
// Every value reaches PostgreSQL as a bind parameter; fragments are composed with
// Prisma.sql, never by string concatenation.
import { Prisma, type PrismaClient } from "../generated/prisma/client";
import type { Availability, EventCard, EventFilters } from "./types";

export type CatalogDb = Pick<PrismaClient, "$queryRaw" | "$transaction">;

export type CatalogFilters = Omit<EventFilters, "page">;

export const DEFAULT_PAGE_SIZE = 12;

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Date conditions on a session `s` whose venue is `sv` (its time zone decides what "today"
 * means). Besides the exact local-time condition, a wider UTC window on `s.starts_at` (time
 * zones span UTC-12..UTC+14) lets PostgreSQL use the starts_at index.
 */
function sessionDateCondition(filters: CatalogFilters, now: Date): Prisma.Sql {
  const localStart = Prisma.sql`(s.starts_at AT TIME ZONE sv.time_zone)`;
  const localToday = Prisma.sql`(${now}::timestamptz AT TIME ZONE sv.time_zone)::date`;
  switch (filters.date) {
    case "today":
      return Prisma.sql`
        AND s.starts_at >= ${new Date(now.getTime() - 26 * HOUR)}::timestamptz
        AND s.starts_at < ${new Date(now.getTime() + 26 * HOUR)}::timestamptz
        AND ${localStart}::date = ${localToday}`;
    case "weekend": {
      // The coming Saturday (today when it is Saturday, yesterday when it is Sunday);
      // the weekend runs from Friday 17:00 to Monday 00:00, local time.
      const saturday = Prisma.sql`(${localToday} + CASE WHEN extract(isodow FROM ${localToday}) = 7 THEN -1 ELSE 6 - extract(isodow FROM ${localToday})::int END)`;
      return Prisma.sql`
        AND s.starts_at >= ${new Date(now.getTime() - 3 * DAY)}::timestamptz
        AND s.starts_at < ${new Date(now.getTime() + 9 * DAY)}::timestamptz
        AND ${localStart} >= ${saturday} - interval '7 hours'
        AND ${localStart} < ${saturday} + 2`;
    }
    case "range": {
      if (!filters.from || !filters.to) return Prisma.empty;
      const from = new Date(`${filters.from}T00:00:00Z`);
      const to = new Date(`${filters.to}T00:00:00Z`);
      return Prisma.sql`
        AND s.starts_at >= ${new Date(from.getTime() - 15 * HOUR)}::timestamptz
        AND s.starts_at < ${new Date(to.getTime() + DAY + 15 * HOUR)}::timestamptz
        AND ${localStart} >= ${filters.from}::date
        AND ${localStart} < ${filters.to}::date + 1`;
    }
    default:
      return Prisma.empty;
  }
}

/** Bookable experiences are open daily: they match any date choice that is not all in the past. */
function bookableDateCondition(filters: CatalogFilters, now: Date): Prisma.Sql {
  if (filters.date !== "range" || !filters.to) return Prisma.sql`true`;
  return Prisma.sql`${filters.to}::date >= (${now}::timestamptz AT TIME ZONE v.time_zone)::date`;
}

/** `%`, `_` and `\` typed by a visitor are literal characters, not LIKE wildcards. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * FROM + WHERE of the listed events (alias `e`, venue `v`) with their figures:
 *   m: the matching sessions (upcoming: ends after now and not cancelled; in the date
 *      window; with places left when `available`), aggregated from stored columns only;
 *   r: the bookable resources.
 * An event is listed when it is published and has a matching session or is bookable.
 * `extra` adds conditions on `e` (the search match).
 */
export function listedEventsFrom(filters: CatalogFilters, now: Date, extra: Prisma.Sql = Prisma.empty): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (filters.category) conditions.push(Prisma.sql`AND e.category = ${filters.category}::category`);
  if (filters.where) {
    const pattern = `%${escapeLike(filters.where)}%`;
    // Same expressions as the trigram indexes of migration 20261123010000_catalog_indexes.
    conditions.push(Prisma.sql`
      AND (immutable_unaccent(lower(e.city)) LIKE immutable_unaccent(lower(${pattern}))
        OR immutable_unaccent(lower(e.neighbourhood)) LIKE immutable_unaccent(lower(${pattern})))`);
  }
  if (filters.free) conditions.push(Prisma.sql`AND least(m.min_price, r.min_price) = 0`);
  else if (filters.maxPriceMinor !== undefined) conditions.push(Prisma.sql`AND least(m.min_price, r.min_price) <= ${filters.maxPriceMinor}`);

  return Prisma.sql`
    FROM events e
    JOIN venues v ON v.id = e.venue_id
    LEFT JOIN LATERAL (
      SELECT min(s.starts_at) AS next_starts_at,
             sum(s.remaining)::int AS remaining,
             sum(t.capacity)::int AS capacity,
             min(t.min_price) AS min_price,
             min(t.currency) AS currency
        FROM event_sessions s
        JOIN venues sv ON sv.id = s.venue_id
        LEFT JOIN LATERAL (
          SELECT min(tt.price_minor) AS min_price, sum(tt.capacity) AS capacity, min(tt.currency) AS currency
            FROM ticket_types tt WHERE tt.session_id = s.id
        ) t ON true
       WHERE s.event_id = e.id AND NOT s.cancelled AND s.ends_at > ${now}::timestamptz
             ${sessionDateCondition(filters, now)}
             ${filters.available ? Prisma.sql`AND s.remaining > 0` : Prisma.empty}
      HAVING count(*) > 0
    ) m ON true
    LEFT JOIN LATERAL (
      SELECT min(rs.price_minor_per_slot) AS min_price, min(rs.currency) AS currency
        FROM resources rs WHERE rs.event_id = e.id
      HAVING count(*) > 0
    ) r ON true
    WHERE e.status = 'published'
      AND (m.next_starts_at IS NOT NULL OR (r.min_price IS NOT NULL AND ${bookableDateCondition(filters, now)}))
      ${conditions.length > 0 ? Prisma.join(conditions, " ") : Prisma.empty}
      ${extra}`;
}

/** The card columns of a `listedEventsFrom` query, in the shape of `CardRow`. */
export const CARD_COLUMNS = Prisma.sql`
  e.id, e.slug, e.title, e.summary, e.category::text AS category, e.city, e.neighbourhood,
  e.image_path, e.image_alt, v.name AS venue_name, v.time_zone,
  m.next_starts_at, m.remaining, m.capacity,
  least(m.min_price, r.min_price) AS price_from_minor,
  coalesce(m.currency, r.currency, 'EUR') AS currency,
  (r.min_price IS NOT NULL) AS bookable`;

/** Soonest next session first; bookable experiences without sessions after, by title. */
export const CARD_ORDER = Prisma.sql`m.next_starts_at ASC NULLS LAST, e.title ASC, e.id ASC`;

export type CardRow = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  category: EventCard["category"];
  city: string;
  neighbourhood: string;
  image_path: string;
  image_alt: string;
  venue_name: string;
  time_zone: string;
  next_starts_at: Date | null;
  remaining: number | null;
  capacity: number | null;
  price_from_minor: number | null;
  currency: string;
  bookable: boolean;
};

export function availabilityOf(remaining: number, capacity: number): Availability {
  if (remaining <= 0) return "sold_out";
  if (remaining <= Math.max(5, capacity * 0.1)) return "few_left";
  return "available";
}

export function toEventCard(row: CardRow): EventCard {
  const hasSessions = row.next_starts_at !== null;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    category: row.category,
    city: row.city,
    neighbourhood: row.neighbourhood,
    imagePath: row.image_path,
    imageAlt: row.image_alt,
    venueName: row.venue_name,
    timeZone: row.time_zone,
    nextStartsAt: row.next_starts_at,
    priceFromMinor: row.price_from_minor,
    currency: row.currency.trim(),
    remaining: hasSessions ? (row.remaining ?? 0) : null,
    // A bookable experience is open daily: its sessions (if any) being full does not make it sold out.
    availability: hasSessions && !row.bookable ? availabilityOf(row.remaining ?? 0, row.capacity ?? 0) : "available",
    bookable: row.bookable,
  };
}

export function clampPage(page: number | undefined): number {
  return Number.isInteger(page) && page! >= 1 ? Math.min(page!, 1000) : 1;
}

export function pageOf<T>(items: T[], page: number, pageSize: number, total: number) {
  return { items, page, pageSize, total, pageCount: Math.ceil(total / pageSize) };
}
