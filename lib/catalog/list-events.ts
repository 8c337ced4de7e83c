import "server-only";
import { cachedPublicRead, PUBLIC_TAGS } from "@/lib/cache/public-pages";
import { lagTolerantRead } from "@/lib/db/read-replica";
import { queryEventList, type ListEventsOptions } from "./list-events-sql";
import type { EventCard, EventFilters, Page } from "./types";

/**
 * Published events that have an upcoming session or are bookable, soonest first, filtered
 * by `filters` (dates in each venue's own time zone). Page size 12 unless told. Read from the
 * replica when there is one (a listing may lag a moment; the purchase re-checks), and kept in
 * Next's cache (the home page, search without a query, the API's listing) until a write
 * changes it (lib/cache/public-pages.ts).
 */
export const listEvents: (filters: EventFilters, options?: ListEventsOptions) => Promise<Page<EventCard>> = cachedPublicRead(
  "listEvents",
  (filters: EventFilters, options: ListEventsOptions = {}) => lagTolerantRead((db) => queryEventList(db, filters, options)),
  () => [PUBLIC_TAGS.catalog],
);
