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
import { toLocale, type Locale } from "@/lib/i18n/locales";
import { DEFAULT_RADIUS_KM } from "@/lib/places/near-filter";
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

/** The point a near filter measures from, as an earthdistance point (lib/places/near-filter.ts). */
function originOf(filters: CatalogFilters): Prisma.Sql | null {
  const from = filters.near?.from;
  return from ? Prisma.sql`ll_to_earth(${from.lat}::float8, ${from.lng}::float8)` : null;
}

/**
 * Metres from the near filter's point to the venue `venue` (an alias), or NULL without a
 * filter or coordinates. earth_distance is the great-circle distance on a sphere of the
 * Earth's radius: a country border or a time zone between two places changes nothing.
 */
function distanceOf(filters: CatalogFilters, venue: Prisma.Sql): Prisma.Sql {
  const origin = originOf(filters);
  return origin ? Prisma.sql`earth_distance(${origin}, ll_to_earth(${venue}.latitude, ${venue}.longitude))` : Prisma.sql`NULL::float8`;
}

/**
 * "Within r km" (100 unless told): the venues inside the cube around the point (earth_box,
 * answered by the GiST index venues_earth_idx of migration 20261209100000_places), then the
 * exact distance (the cube's corners reach further than r).
 */
function nearCondition(filters: CatalogFilters): Prisma.Sql {
  const origin = originOf(filters);
  if (!origin) return Prisma.empty;
  const radiusM = (filters.near?.radiusKm ?? DEFAULT_RADIUS_KM) * 1000;
  return Prisma.sql`
      AND e.venue_id IN (
        SELECT nv.id FROM venues nv
         WHERE earth_box(${origin}, ${radiusM}::float8) @> ll_to_earth(nv.latitude, nv.longitude)
           AND earth_distance(${origin}, ll_to_earth(nv.latitude, nv.longitude)) <= ${radiusM}::float8)`;
}

/** Conditions on the event `e` itself: category, place and distance. */
export function eventConditions(filters: CatalogFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [nearCondition(filters)];
  if (filters.category) conditions.push(Prisma.sql`AND e.category = ${filters.category}::category`);
  if (filters.where) {
    const pattern = `%${escapeLike(filters.where)}%`;
    // The same expressions as the trigram index of migration 20261123010000_catalog_indexes.
    conditions.push(Prisma.sql`
      AND (immutable_unaccent(lower(e.city)) LIKE immutable_unaccent(lower(${pattern}))
        OR immutable_unaccent(lower(e.neighbourhood)) LIKE immutable_unaccent(lower(${pattern})))`);
  }
  return Prisma.join(conditions, " ");
}

/**
 * The sessions of an event that count for its card, on `s` with venue `sv`: upcoming (ends
 * after now, not cancelled), in the date window, with places left when `available`.
 */
function matchingSessionConditions(filters: CatalogFilters, now: Date): Prisma.Sql {
  return Prisma.sql`NOT s.cancelled AND s.ends_at > ${now}::timestamptz
    ${sessionDateCondition(filters, now)}
    ${filters.available ? Prisma.sql`AND s.remaining > 0` : Prisma.empty}`;
}

/** Candidates of the plain listing: published events of the category and place. */
export function listCandidates(filters: CatalogFilters): Prisma.Sql {
  return Prisma.sql`
    SELECT e.id, e.title, e.venue_id, 0::float8 AS rank
      FROM events e
     WHERE e.status = 'published' ${eventConditions(filters)}`;
}

export type CatalogOrder = "soonest" | "rank";

const ORDERS: Record<CatalogOrder, Prisma.Sql> = {
  // Soonest next session first; bookable experiences without sessions after, by title.
  soonest: Prisma.sql`l.next_starts_at ASC NULLS LAST, l.title ASC, l.id ASC`,
  rank: Prisma.sql`l.rank DESC, l.next_starts_at ASC NULLS LAST, l.title ASC, l.id ASC`,
};

/** With a near filter the nearest come first, then the usual order. */
function orderFor(order: CatalogOrder, filters: CatalogFilters): Prisma.Sql {
  return filters.near?.from ? Prisma.sql`l.distance_m ASC NULLS LAST, ${ORDERS[order]}` : ORDERS[order];
}

/**
 * The page query and the count query over `candidates` (a SELECT of `id, title, venue_id,
 * rank` of events, already limited to published events and the event conditions). Built
 * set-wise so 10,000 events cost one pass over the sessions, not one lookup per event
 * (a LATERAL per event measured ~300 ms at 10,000 events, this ~20 ms):
 *   m: per event, its matching sessions' next start and stored remaining places;
 *   r: per event, its bookable resources;
 *   listed: candidates with a matching session, or bookable (and, for a price filter,
 *           cheap enough: the lowest price over matching sessions' ticket types);
 * then only the page rows get their display figures (capacity, lowest price, currency) and
 * `snippet`, an expression over `e` (NULL for the listing). Never reads order rows.
 */
export function catalogQueries(options: {
  candidates: Prisma.Sql;
  filters: CatalogFilters;
  now: Date;
  order: CatalogOrder;
  limit: number;
  offset: number;
  snippet?: Prisma.Sql;
  /**
   * Aggregate only the candidates' sessions: right when an index narrowed them (a search, a
   * category or a place). Without that, one pass over all sessions beats the semi-join.
   */
  fewCandidates?: boolean;
  /**
   * Also return the number of listed rows on every page row (`total`), saving the count
   * query whenever the page is not empty.
   */
  withTotal?: boolean;
  /** The reader's language: titles and summaries come from its translation where one exists. */
  locale?: Locale;
}): { page: Prisma.Sql; count: Prisma.Sql } {
  const { filters, now } = options;
  const onlyCandidates = options.fewCandidates
    ? { sessions: Prisma.sql`AND s.event_id IN (SELECT id FROM c)`, resources: Prisma.sql`WHERE rs.event_id IN (SELECT id FROM c)` }
    : { sessions: Prisma.empty, resources: Prisma.empty };
  const matching = matchingSessionConditions(filters, now);
  // "The lowest price of the matching sessions' ticket types is at most X" is "some matching
  // session has a ticket type priced at most X": a hashed semi-join, not a per-session min.
  const maxPrice = filters.free ? 0 : filters.maxPriceMinor;
  // Over all sessions one hashed pass over the ticket types wins; over a few candidates' sessions,
  // a lookup of each session's types by index (measured 46 → 6 ms within 25 km, bench/near.ts).
  const cheapSession = maxPrice === undefined
    ? Prisma.sql`false`
    : options.fewCandidates
      ? Prisma.sql`EXISTS (SELECT 1 FROM ticket_types tt WHERE tt.session_id = s.id AND tt.price_minor <= ${maxPrice})`
      : Prisma.sql`s.id IN (SELECT tt.session_id FROM ticket_types tt WHERE tt.price_minor <= ${maxPrice})`;
  const priceCondition = maxPrice === undefined
    ? Prisma.empty
    : Prisma.sql`AND (m.cheap OR r.min_price <= ${maxPrice})`;

  const listed = Prisma.sql`
    WITH c AS ${options.fewCandidates ? Prisma.sql`MATERIALIZED` : Prisma.empty} (${options.candidates}),
    m AS (
      SELECT s.event_id, min(s.starts_at) AS next_starts_at, sum(s.remaining)::int AS remaining,
             bool_or(${cheapSession}) AS cheap
        FROM event_sessions s
        JOIN venues sv ON sv.id = s.venue_id
       WHERE ${matching} ${onlyCandidates.sessions}
       GROUP BY s.event_id
    ),
    r AS (
      SELECT rs.event_id, min(rs.price_minor_per_slot) AS min_price, min(rs.currency) AS currency
        FROM resources rs ${onlyCandidates.resources}
       GROUP BY rs.event_id
    ),
    listed AS (
      SELECT c.id, c.rank, c.title, m.next_starts_at, m.remaining,
             r.min_price AS resource_price, r.currency AS resource_currency,
             ${distanceOf(filters, Prisma.sql`v`)} AS distance_m
        FROM c
        JOIN venues v ON v.id = c.venue_id
        LEFT JOIN m ON m.event_id = c.id
        LEFT JOIN r ON r.event_id = c.id
       WHERE (m.event_id IS NOT NULL OR (r.event_id IS NOT NULL AND ${bookableDateCondition(filters, now)}))
             ${priceCondition}
    )`;

  const order = orderFor(options.order, filters);
  const page = Prisma.sql`${listed}
    SELECT e.id, e.slug, coalesce(tr.title, e.title) AS title, coalesce(tr.summary, e.summary) AS summary,
           coalesce(tr.locale, e.language) AS language,
           e.category::text AS category, e.city, e.neighbourhood,
           e.image_path, e.image_alt, v.name AS venue_name, v.time_zone,
           l.next_starts_at, l.remaining, f.capacity,
           least(f.min_price, l.resource_price) AS price_from_minor,
           coalesce(f.currency, l.resource_currency, 'EUR') AS currency,
           (l.resource_price IS NOT NULL) AS bookable,
           l.rank::float8 AS rank, l.distance_m,
           ${options.snippet ?? Prisma.sql`NULL::text`} AS snippet,
           ${options.withTotal ? Prisma.sql`l.total` : Prisma.sql`NULL::int`} AS total
      FROM (
        SELECT l.* ${options.withTotal ? Prisma.sql`, count(*) OVER ()::int AS total` : Prisma.empty}
          FROM listed l ORDER BY ${order} LIMIT ${options.limit} OFFSET ${options.offset}
      ) l
      JOIN events e ON e.id = l.id
      JOIN venues v ON v.id = e.venue_id
      LEFT JOIN event_translations tr ON tr.event_id = e.id AND tr.locale = ${options.locale ?? null}::text AND tr.locale <> e.language
      LEFT JOIN LATERAL (
        -- "From" the cheapest type with places left (a sold-out €12 type is no offer), else the cheapest.
        SELECT sum(tt.capacity)::int AS capacity, coalesce(min(tt.price_minor) FILTER (WHERE tt.remaining > 0), min(tt.price_minor)) AS min_price, min(tt.currency) AS currency
          FROM event_sessions s
          JOIN venues sv ON sv.id = s.venue_id
          JOIN ticket_types tt ON tt.session_id = s.id
         WHERE s.event_id = l.id AND ${matching}
      ) f ON true
     ORDER BY ${order}`;
  const count = Prisma.sql`${listed} SELECT count(*)::int AS total FROM listed`;
  return { page, count };
}

export type CardRow = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  language: string;
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
  rank: number;
  snippet: string | null;
  total: number | null;
  distance_m: number | null;
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
    language: toLocale(row.language),
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
    ...(row.distance_m === null || row.distance_m === undefined ? {} : { distanceM: Math.round(row.distance_m) }),
  };
}

export function clampPage(page: number | undefined): number {
  return Number.isInteger(page) && page! >= 1 ? Math.min(page!, 1000) : 1;
}

export function pageOf<T>(items: T[], page: number, pageSize: number, total: number) {
  return { items, page, pageSize, total, pageCount: Math.ceil(total / pageSize) };
}
