import "server-only";
import { listEvents } from "./list-events";
import { normalizeSearchQuery } from "./search-events-sql";
import { searchEvents } from "./search-events";
import type { Locale } from "@/lib/i18n/locales";
import type { EventCard, EventFilters, Page, SearchHit } from "./types";
import type { SearchMode } from "./search-events-sql";

export type FindEventsResult = {
  query: string;
  hits: Page<SearchHit | EventCard>;
  /** "list": no text, only filters: the plain listing, soonest first. */
  mode: SearchMode | "list";
  suggestions: string[];
};

/**
 * The search page: text with filters is a search narrowed by them; filters alone are the
 * listing; neither is "empty" (the page offers categories).
 */
export async function findEvents(rawQuery: string, filters: EventFilters, locale?: Locale): Promise<FindEventsResult> {
  const { page, ...narrowing } = filters;
  const query = normalizeSearchQuery(rawQuery);
  const result = await searchEvents(query, { page, filters: narrowing, locale });
  if (result.mode !== "empty") return result;
  if (Object.keys(narrowing).length === 0) return { ...result, mode: "empty" };
  return { query: result.query, hits: await listEvents(filters, { locale }), mode: "list", suggestions: [] };
}
