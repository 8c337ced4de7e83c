import "server-only";
import { lagTolerantRead } from "@/lib/db/read-replica";
import { querySearchEvents, type SearchEventsOptions, type SearchEventsResult } from "./search-events-sql";

/**
 * Full-text search over listed events (same visibility and filters as the listing), with a
 * typo-tolerant fallback and suggestions; any input is safe (see search-events-sql.ts).
 * Read from the replica when there is one.
 */
export function searchEvents(query: string, options: SearchEventsOptions = {}): Promise<SearchEventsResult> {
  return lagTolerantRead((db) => querySearchEvents(db, query, options));
}
