import "server-only";
import { revalidatePublicPages } from "@/lib/cache/public-pages";
import { prisma } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import { isUuid } from "@/lib/ids";
import { writeAudit } from "../audit";
import { assertAdmin, type Actor } from "../authorize";
import { AdminError } from "../errors";
import { hostToWrite, hostWhere } from "../host-scope";
import { ZNewVenue, ZVenueAddress, type VenueFormValues } from "./schemas";

export type VenueRow = { id: string; name: string; city: string; neighbourhood: string; postalCode: string | null; country: string | null; complete: boolean; hostName: string };

const CHECK_FIELDS = "Check the highlighted fields.";

/** The actor's venues (every host's for the platform admin) by city then name, with whether their address card is complete (open data needs it). */
export async function listVenuesForAdmin(options: { actor: Actor | null }): Promise<VenueRow[]> {
  const actor = await assertAdmin(options.actor);
  const venues = await prisma.venue.findMany({ where: hostWhere(actor), orderBy: [{ city: "asc" }, { name: "asc" }], include: { host: { select: { name: true } } } });
  return venues.map((venue) => ({
    id: venue.id, name: venue.name, city: venue.city, neighbourhood: venue.neighbourhood, postalCode: venue.postalCode, country: venue.country,
    complete: Boolean(venue.postalCode && venue.region && venue.country), hostName: venue.host.name,
  }));
}

export async function getVenueForm(options: { actor: Actor | null; venueId: string }): Promise<VenueFormValues | null> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.venueId)) return null;
  const venue = await prisma.venue.findFirst({ where: { id: options.venueId, ...hostWhere(actor) } });
  if (!venue) return null;
  return {
    id: venue.id, name: venue.name, address: venue.address, postalCode: venue.postalCode ?? "", city: venue.city,
    region: venue.region ?? "", country: venue.country?.trim() ?? "", phone: venue.phone ?? "", url: venue.url ?? "",
  };
}

/**
 * Saves a venue's address card (one of the actor's hosts' venues; another host's is not found).
 * The feeds' triggers republish every session, series and bookable experience at the venue in
 * the same commit (docs/decisions/0003-rpde-feed.md).
 */
export async function updateVenueAddress(options: { actor: Actor | null; venueId: string; input: unknown }): Promise<void> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.venueId)) throw new AdminError("not_found", "This venue no longer exists.");
  const parsed = ZVenueAddress.safeParse(options.input);
  if (!parsed.success) throw new AdminError("validation_failed", CHECK_FIELDS, fieldErrorsOf(parsed.error.issues));
  const updated = await prisma.venue.updateMany({ where: { id: options.venueId, ...hostWhere(actor) }, data: parsed.data });
  if (updated.count === 0) throw new AdminError("not_found", "This venue no longer exists.");
  await revalidatePublicPages();
}

/**
 * A host adds a venue of its own (issue 30): for the host asked for (within the actor's
 * scope), a member's only host, or the platform's when the platform admin names none.
 * Audited in the same transaction.
 */
export async function createVenue(options: { actor: Actor | null; input: unknown }): Promise<{ id: string; hostId: string }> {
  const actor = await assertAdmin(options.actor);
  const parsed = ZNewVenue.safeParse(options.input);
  if (!parsed.success) throw new AdminError("validation_failed", CHECK_FIELDS, fieldErrorsOf(parsed.error.issues));
  const { hostId: asked, ...columns } = parsed.data;
  const hostId = hostToWrite(actor, asked);
  const created = await inTransaction(async (tx) => {
    const venue = await tx.venue.create({ data: { ...columns, ...(hostId ? { hostId } : {}) }, select: { id: true, hostId: true } });
    await writeAudit(tx, { actor, action: "venue.create", entityType: "venue", entityId: venue.id, after: { ...columns, hostId: venue.hostId } });
    return venue;
  });
  await revalidatePublicPages();
  return created;
}
