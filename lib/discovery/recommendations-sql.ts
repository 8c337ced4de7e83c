// The two recommendation queries with the database client passed in (no `server-only`, as in
// lib/catalog/catalog-sql.ts): `scripts/bench-recommend.ts` runs exactly this SQL with its own
// client. The ranking itself is PostgreSQL's (prisma/functions/recommend_similar_events.sql,
// recommend_for_buyer.sql); this file turns the ranked ids into the storefront's cards with
// the catalogue's card query, so a recommended card looks and reads like a listed one.
import { Prisma } from "@/lib/generated/prisma/client";
import { catalogQueries, toEventCard, type CardRow, type CatalogDb } from "@/lib/catalog/catalog-sql";
import type { EventCard } from "@/lib/catalog/types";
import type { Locale } from "@/lib/i18n/locales";

export const DEFAULT_RECOMMENDATIONS = 6;

export type RecommendationOptions = { now?: Date; limit?: number; locale?: Locale };

/** The signals of "For you": an account (with its verified email) and/or a guest's views. */
export type PicksFor = { userId: string | null; verifiedEmail: string | null; viewedEventIds: string[] };

function limitOf(options: RecommendationOptions): number {
  return Math.min(Math.max(Math.trunc(options.limit ?? DEFAULT_RECOMMENDATIONS), 1), 24);
}

async function cardsOf(db: CatalogDb, ranked: Prisma.Sql, options: RecommendationOptions, now: Date, limit: number): Promise<EventCard[]> {
  const { page } = catalogQueries({
    candidates: Prisma.sql`SELECT e.id, e.title, e.venue_id, r.score AS rank FROM (${ranked}) r JOIN events e ON e.id = r.event_id`,
    filters: {},
    now,
    order: "rank",
    limit,
    offset: 0,
    fewCandidates: true,
    locale: options.locale,
  });
  return (await db.$queryRaw<CardRow[]>(page)).map(toEventCard);
}

/** The ranked ids of "More like this" (the SQL function alone, as the benchmark times it). */
export function similarEventsSql(eventId: string, now: Date, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT event_id, score FROM recommend_similar_events(${eventId}::uuid, ${now}::timestamptz, ${limit}::int)`;
}

/** The ranked ids of "For you". */
export function picksForSql(picksFor: PicksFor, now: Date, limit: number): Prisma.Sql {
  return Prisma.sql`SELECT event_id, score FROM recommend_for_buyer(${picksFor.userId}::uuid, ${picksFor.verifiedEmail}::text,
    ${picksFor.viewedEventIds}::uuid[], ${now}::timestamptz, ${limit}::int)`;
}

/** "More like this": events on sale like `eventId` (never itself), best first. */
export function querySimilarEvents(db: CatalogDb, eventId: string, options: RecommendationOptions = {}): Promise<EventCard[]> {
  const now = options.now ?? new Date();
  const limit = limitOf(options);
  return cardsOf(db, similarEventsSql(eventId, now, limit), options, now, limit);
}

/** "For you": events on sale the buyer has not bought, from their purchases and views, best first. */
export async function queryPicksFor(db: CatalogDb, picksFor: PicksFor, options: RecommendationOptions = {}): Promise<EventCard[]> {
  if (!picksFor.userId && !picksFor.verifiedEmail && picksFor.viewedEventIds.length === 0) return [];
  const now = options.now ?? new Date();
  const limit = limitOf(options);
  return cardsOf(db, picksForSql(picksFor, now, limit), options, now, limit);
}
