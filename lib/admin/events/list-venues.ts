import "server-only";
import { prisma } from "@/lib/db";
import { assertAdmin, type Actor } from "../authorize";
import { hostWhere } from "../host-scope";
import type { VenueOption } from "./form-values";

/** Venues to choose from (the hosts' in scope), by city then name. */
export async function listVenues(options: { actor: Actor | null }): Promise<VenueOption[]> {
  const actor = await assertAdmin(options.actor);
  return prisma.venue.findMany({
    where: hostWhere(actor),
    orderBy: [{ city: "asc" }, { name: "asc" }],
    select: { id: true, name: true, city: true, neighbourhood: true, timeZone: true, hostId: true },
  });
}
