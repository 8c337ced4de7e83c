import "server-only";
import { resolvePlace } from "@/lib/places/resolve-place";
import { listEvents } from "./list-events";
import { normalizeSearchQuery } from "./search-events-sql";
import { searchEvents } from "./search-events";
import type { Locale } from "@/lib/i18n/locales";
import type { EventCard, EventFilters, Page, SearchHit } from "./types";
import type { SearchMode } from "./search-events-sql";

export type FindEventsResult = {
  query: string;
  hits: Page<SearchHit | EventCard>;
  /** "list": no text, only filters: the plain listing, soonest first (nearest first near a place). */
  mode: SearchMode | "list";
  suggestions: string[];
  /** The typed place distances are measured from, as we found it ("Gràcia, Barcelona"). */
  nearLabel?: string;
  /** The typed place is nowhere we list: the results are as without it. */
  unknownPlace?: string;
};

/**
 * The search page: text with filters is a search narrowed by them; filters alone are the
 * listing; neither is "empty" (the page offers categories). A typed place is resolved
 * against our own venues first; an unknown one is said and left out.
 */
export async function findEvents(rawQuery: string, filters: EventFilters, locale?: Locale): Promise<FindEventsResult> {
  const { page, ...narrowing } = filters;
  let nearLabel: string | undefined;
  let unknownPlace: string | undefined;
  if (narrowing.near?.place && !narrowing.near.from) {
    const resolved = await resolvePlace(narrowing.near.place);
    if (resolved) {
      narrowing.near = { ...narrowing.near, from: resolved.from };
      nearLabel = resolved.label;
    } else {
      unknownPlace = narrowing.near.place;
      delete narrowing.near;
    }
  }
  const notes = { ...(nearLabel ? { nearLabel } : {}), ...(unknownPlace ? { unknownPlace } : {}) };
  const query = normalizeSearchQuery(rawQuery);
  const result = await searchEvents(query, { page, filters: narrowing, locale });
  if (result.mode !== "empty") return { ...result, ...notes };
  if (Object.keys(narrowing).length === 0) return { ...result, mode: "empty", ...notes };
  return { query: result.query, hits: await listEvents({ ...narrowing, page }, { locale }), mode: "list", suggestions: [], ...notes };
}
