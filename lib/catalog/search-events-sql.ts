// Search with the database client passed in (see catalog-sql.ts for why this file has no
// `server-only`). The app calls `searchEvents` in search-events.ts.
//
// 1. Full text: websearch_to_tsquery over the stored, weighted search_vector (title A >
//    venue/place/category B > summary/description C), ranked by ts_rank_cd.
// 2. Nothing? Trigram word similarity of the accent-folded query to titles, cities,
//    neighbourhoods and venue names ("jaz festvl", "kreuzbrg").
// 3. Still nothing? Suggestions: the most similar titles and a couple of categories.
// websearch_to_tsquery never raises on syntax, and the query only ever travels as a bind
// parameter, so quotes, operators and SQL fragments are just text.
import type { Locale } from "@/lib/i18n/locales";
import { Prisma } from "../generated/prisma/client";
import {
  catalogQueries,
  clampPage,
  DEFAULT_PAGE_SIZE,
  eventConditions,
  pageOf,
  toEventCard,
  type CardRow,
  type CatalogDb,
  type CatalogFilters,
} from "./catalog-sql";
import { CATEGORIES, type Page, type SearchHit } from "./types";

export const MAX_QUERY_LENGTH = 200;
/** Minimum word_similarity for a fuzzy hit ("jaz festvl" vs "jazz festival" is about 0.54). */
export const FUZZY_THRESHOLD = 0.45;
/**
 * Short queries have few trigrams, so one wrong letter costs them a large share: "alama" vs
 * "Alfama" scores 0.44 and "ghst" vs "Ghost" 0.40, while "bemondsey" vs "Bermondsey" scores
 * 0.62. The threshold is lowered by length so a typo in a short word is forgiven as one in a
 * long word is; below 3 letters nothing is similar enough to mean anything.
 */
export function fuzzyThresholdFor(query: string): number | null {
  const letters = Array.from(query.replace(/[^\p{L}\p{N}]/gu, "")).length;
  if (letters < 3) return null;
  if (letters <= 4) return 0.39;
  if (letters <= 6) return 0.42;
  return FUZZY_THRESHOLD;
}
/** Minimum word_similarity for a title to be suggested (lower: "jaz festvl" → "… Jazz Sessions"). */
const SUGGESTION_THRESHOLD = 0.25;
const HEADLINE_OPTIONS = "StartSel=\u0001, StopSel=\u0002, MaxWords=30, MinWords=12, ShortWord=2";
/** Search terms for categories: the first word of the label ("Food & drink" → "Food"). */
const CATEGORY_TERMS = CATEGORIES.map((category) => category.label.split(" ")[0]);
const CATEGORY_VALUES: string[] = CATEGORIES.map((category) => category.value);
/** A category name at least this similar to the query is what the visitor meant. */
const CATEGORY_LOOKALIKE = 0.2;

export type SearchMode = "fulltext" | "fuzzy" | "empty";
export type SearchEventsOptions = { page?: number; now?: Date; filters?: CatalogFilters; pageSize?: number; locale?: Locale };
export type SearchEventsResult = { query: string; hits: Page<SearchHit>; mode: SearchMode; suggestions: string[] };

/**
 * What is actually searched for: control characters and broken surrogate halves removed,
 * whitespace collapsed, at most 200 characters (code points, so an emoji is never cut).
 */
export function normalizeSearchQuery(raw: unknown): string {
  if (typeof raw !== "string") return "";
  const cleaned = raw
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
    .replace(/\p{Cc}/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
  return Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join("").trim();
}

/** A query with no letter or digit (only spaces, punctuation, emoji) searches for nothing. */
function isSearchable(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}

/** Runs `query` with the threshold of `<%` (a setting) set for its own transaction only. */
async function withFuzzyThreshold<T>(db: CatalogDb, threshold: number, query: Prisma.Sql): Promise<T[]> {
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(threshold)}, true)`,
    db.$queryRaw<T[]>(query),
  ]);
  return rows;
}

function totalOf(rows: CardRow[]): number | null {
  return rows.length > 0 ? Number(rows[0].total) : null;
}

async function countOf(pending: Promise<{ total: number }[]>): Promise<number> {
  return (await pending)[0]?.total ?? 0;
}

function toHit(row: CardRow): SearchHit {
  return { ...toEventCard(row), snippet: row.snippet ?? row.summary, rank: Number(row.rank) };
}

/**
 * The query read in every storefront language at once (each with its stemmer, accents
 * folded): events are indexed per language (migration 20261203120000_search_languages), so
 * "noites de fado" finds a Portuguese description and "fado nights" its English translation.
 */
function tsQuery(query: string): Prisma.Sql {
  return Prisma.sql`(websearch_to_tsquery('lt_en', ${query}) || websearch_to_tsquery('lt_pt', ${query}) || websearch_to_tsquery('lt_es', ${query})
    || websearch_to_tsquery('lt_ca', ${query}) || websearch_to_tsquery('lt_de', ${query}))`;
}

function folded(query: string): Prisma.Sql {
  return Prisma.sql`immutable_unaccent(lower(${query}))`;
}

function fullTextCandidates(query: string, filters: CatalogFilters): Prisma.Sql {
  return Prisma.sql`
    SELECT e.id, e.title, e.venue_id, ts_rank_cd(e.search_vector, ${tsQuery(query)})::float8 AS rank
      FROM events e
     WHERE e.status = 'published' AND e.search_vector @@ ${tsQuery(query)} ${eventConditions(filters)}`;
}

/**
 * Events whose title, city, neighbourhood or venue name contains words similar to the
 * query. Each branch is a `<%` test that the trigram indexes answer; the title counts most.
 */
function fuzzyCandidates(query: string, filters: CatalogFilters): Prisma.Sql {
  const q = folded(query);
  return Prisma.sql`
    SELECT e.id, e.title, e.venue_id, f.score::float8 AS rank
      FROM (
        SELECT x.id, max(x.score) AS score
          FROM (
            SELECT e.id, word_similarity(${q}, immutable_unaccent(lower(e.title))) AS score
              FROM events e WHERE ${q} <% immutable_unaccent(lower(e.title))
            UNION ALL
            SELECT e.id, 0.8 * word_similarity(${q}, immutable_unaccent(lower(e.city)))
              FROM events e WHERE ${q} <% immutable_unaccent(lower(e.city))
            UNION ALL
            SELECT e.id, 0.8 * word_similarity(${q}, immutable_unaccent(lower(e.neighbourhood)))
              FROM events e WHERE ${q} <% immutable_unaccent(lower(e.neighbourhood))
            UNION ALL
            SELECT e.id, 0.8 * word_similarity(${q}, immutable_unaccent(lower(v.name)))
              FROM venues v JOIN events e ON e.venue_id = v.id
             WHERE ${q} <% immutable_unaccent(lower(v.name))
          ) x
         GROUP BY x.id
      ) f
      JOIN events e ON e.id = f.id
     WHERE e.status = 'published' ${eventConditions(filters)}`;
}

/**
 * Up to 3 listed titles similar to the query, then up to 2 categories whose names look like
 * it ("comdy" → Comedy). Nothing unrelated: a query like nothing we list gets no suggestions.
 */
async function suggestionsFor(db: CatalogDb, query: string, now: Date): Promise<string[]> {
  const q = folded(query);
  const [, titles, categories] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(SUGGESTION_THRESHOLD)}, true)`,
    db.$queryRaw<{ title: string; category: string }[]>`
      SELECT t.title, t.category FROM (
        SELECT DISTINCT ON (e.title) e.title, e.category::text AS category,
               word_similarity(${q}, immutable_unaccent(lower(e.title))) + similarity(${q}, immutable_unaccent(lower(e.title))) AS score
          FROM events e
         WHERE e.status = 'published'
           AND ${q} <% immutable_unaccent(lower(e.title))
           AND (EXISTS (SELECT 1 FROM event_sessions s WHERE s.event_id = e.id AND NOT s.cancelled AND s.ends_at > ${now}::timestamptz)
                OR EXISTS (SELECT 1 FROM resources rs WHERE rs.event_id = e.id))
         ORDER BY e.title, score DESC
      ) t
      ORDER BY t.score DESC, t.title
      LIMIT 3`,
    db.$queryRaw<{ value: string; score: number }[]>`
      SELECT c.value, similarity(${q}, lower(c.term))::float8 AS score
        FROM unnest(${CATEGORY_VALUES}::text[], ${CATEGORY_TERMS}::text[]) AS c(value, term)`,
  ]);
  const termOf = new Map(CATEGORIES.map((category, index) => [category.value as string, CATEGORY_TERMS[index]]));
  const lookAlike = categories.filter((row) => row.score >= CATEGORY_LOOKALIKE).sort((a, b) => b.score - a.score).map((row) => row.value).slice(0, 2);
  return [...titles.map((row) => row.title), ...lookAlike.map((value) => termOf.get(value)!)];
}

export async function querySearchEvents(db: CatalogDb, rawQuery: string, options: SearchEventsOptions = {}): Promise<SearchEventsResult> {
  const query = normalizeSearchQuery(rawQuery);
  const now = options.now ?? new Date();
  const filters = options.filters ?? {};
  const page = clampPage(options.page);
  const pageSize = Math.min(Math.max(Math.trunc(options.pageSize ?? DEFAULT_PAGE_SIZE), 1), 100);
  const offset = (page - 1) * pageSize;

  if (!isSearchable(query)) return { query, hits: pageOf([], page, pageSize, 0), mode: "empty", suggestions: [] };

  // Full text: one query gives the page and the total; a separate count only for a page
  // past the end.
  const fullText = catalogQueries({
    candidates: fullTextCandidates(query, filters),
    filters,
    now,
    order: "rank",
    limit: pageSize,
    offset,
    fewCandidates: true,
    withTotal: true,
    // The snippet comes from the text the card shows: the reader's translation where there is one.
    // Cut mid-sentence, it says so with "…" (prisma/functions/search_snippet.sql).
    snippet: Prisma.sql`search_snippet(text_search_config(coalesce(tr.locale, e.language)), coalesce(tr.summary, e.summary) || ' ' || coalesce(tr.description, e.description), ${tsQuery(query)}, ${HEADLINE_OPTIONS})`,
    locale: options.locale,
  });
  const rows = await db.$queryRaw<CardRow[]>(fullText.page);
  const total = totalOf(rows) ?? (page > 1 ? await countOf(db.$queryRaw<{ total: number }[]>(fullText.count)) : 0);
  if (total > 0) return { query, hits: pageOf(rows.map(toHit), page, pageSize, total), mode: "fulltext", suggestions: [] };

  const threshold = fuzzyThresholdFor(query);
  if (threshold === null) return { query, hits: pageOf([], page, pageSize, 0), mode: "fuzzy", suggestions: [] };
  const fuzzy = catalogQueries({
    candidates: fuzzyCandidates(query, filters),
    filters,
    now,
    order: "rank",
    limit: pageSize,
    offset,
    fewCandidates: true,
    withTotal: true,
    locale: options.locale,
  });
  const fuzzyRows = await withFuzzyThreshold<CardRow>(db, threshold, fuzzy.page);
  const fuzzyTotal = totalOf(fuzzyRows) ?? (page > 1 ? await countOf(withFuzzyThreshold<{ total: number }>(db, threshold, fuzzy.count)) : 0);
  if (fuzzyTotal > 0) return { query, hits: pageOf(fuzzyRows.map(toHit), page, pageSize, fuzzyTotal), mode: "fuzzy", suggestions: [] };

  return { query, hits: pageOf([], page, pageSize, 0), mode: "fuzzy", suggestions: await suggestionsFor(db, query, now) };
}
