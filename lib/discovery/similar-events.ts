import "server-only";
import { prisma } from "@/lib/db";
import type { EventCard } from "@/lib/catalog/types";
import { querySimilarEvents, type RecommendationOptions } from "./recommendations-sql";

/** "More like this" for an event page: co-purchase blended with likeness, on sale only (recommendations-sql.ts). */
export function listSimilarEvents(eventId: string, options: RecommendationOptions = {}): Promise<EventCard[]> {
  return querySimilarEvents(prisma, eventId, options);
}
