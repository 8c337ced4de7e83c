import "server-only";
import { lagTolerantRead } from "@/lib/db/read-replica";
import { queryEventList, type ListEventsOptions } from "./list-events-sql";
import type { EventCard, EventFilters, Page } from "./types";

/**
 * Published events that have an upcoming session or are bookable, soonest first, filtered
 * by `filters` (dates in each venue's own time zone). Page size 12 unless told. Read from the
 * replica when there is one (a listing may lag a moment; the purchase re-checks).
 */
export function listEvents(filters: EventFilters, options: ListEventsOptions = {}): Promise<Page<EventCard>> {
  return lagTolerantRead((db) => queryEventList(db, filters, options));
}
