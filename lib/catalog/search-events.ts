import "server-only";
import { prisma } from "@/lib/db";
import { querySearchEvents, type SearchEventsOptions, type SearchEventsResult } from "./search-events-sql";

/**
 * Full-text search over listed events (same visibility and filters as the listing), with a
 * typo-tolerant fallback and suggestions; any input is safe (see search-events-sql.ts).
 */
export function searchEvents(query: string, options: SearchEventsOptions = {}): Promise<SearchEventsResult> {
  return querySearchEvents(prisma, query, options);
}
