import "server-only";
import { prisma } from "@/lib/db";
import { queryEventList, type ListEventsOptions } from "./list-events-sql";
import type { EventCard, EventFilters, Page } from "./types";

/**
 * Published events that have an upcoming session or are bookable, soonest first, filtered
 * by `filters` (dates in each venue's own time zone). Page size 12 unless told.
 */
export function listEvents(filters: EventFilters, options: ListEventsOptions = {}): Promise<Page<EventCard>> {
  return queryEventList(prisma, filters, options);
}
