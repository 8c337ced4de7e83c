import "server-only";
import { revalidatePublicPages } from "@/lib/cache/public-pages";
import { prisma } from "@/lib/db";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import { assertAdmin, type Actor } from "../authorize";
import { AdminError } from "../errors";
import { ZVenueAddress, type VenueFormValues } from "./schemas";

export type VenueRow = { id: string; name: string; city: string; neighbourhood: string; postalCode: string | null; country: string | null; complete: boolean };

/** Venues by city then name, with whether their address card is complete (open data needs it). */
export async function listVenuesForAdmin(options: { actor: Actor | null }): Promise<VenueRow[]> {
  await assertAdmin(options.actor);
  const venues = await prisma.venue.findMany({ orderBy: [{ city: "asc" }, { name: "asc" }] });
  return venues.map((venue) => ({
    id: venue.id, name: venue.name, city: venue.city, neighbourhood: venue.neighbourhood, postalCode: venue.postalCode, country: venue.country,
    complete: Boolean(venue.postalCode && venue.region && venue.country),
  }));
}

export async function getVenueForm(options: { actor: Actor | null; venueId: string }): Promise<VenueFormValues | null> {
  await assertAdmin(options.actor);
  const venue = await prisma.venue.findUnique({ where: { id: options.venueId } }).catch(() => null);
  if (!venue) return null;
  return {
    id: venue.id, name: venue.name, address: venue.address, postalCode: venue.postalCode ?? "", city: venue.city,
    region: venue.region ?? "", country: venue.country?.trim() ?? "", phone: venue.phone ?? "", url: venue.url ?? "",
  };
}

/**
 * Saves a venue's address card. The feeds' triggers republish every session, series and
 * bookable experience at the venue in the same commit (docs/decisions/0003-rpde-feed.md).
 */
export async function updateVenueAddress(options: { actor: Actor | null; venueId: string; input: unknown }): Promise<void> {
  await assertAdmin(options.actor);
  const parsed = ZVenueAddress.safeParse(options.input);
  if (!parsed.success) throw new AdminError("validation_failed", "Check the highlighted fields.", fieldErrorsOf(parsed.error.issues));
  const updated = await prisma.venue.updateMany({ where: { id: options.venueId }, data: parsed.data });
  if (updated.count === 0) throw new AdminError("not_found", "This venue no longer exists.");
  await revalidatePublicPages();
}
