import "server-only";
import { prisma } from "@/lib/db";
import { assertAdmin, type Actor } from "../authorize";
import type { VenueOption } from "./form-values";

/** Venues to choose from, by city then name. */
export async function listVenues(options: { actor: Actor | null }): Promise<VenueOption[]> {
  await assertAdmin(options.actor);
  return prisma.venue.findMany({
    orderBy: [{ city: "asc" }, { name: "asc" }],
    select: { id: true, name: true, city: true, neighbourhood: true, timeZone: true },
  });
}
