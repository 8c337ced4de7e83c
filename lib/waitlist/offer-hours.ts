import "server-only";
import { prisma } from "@/lib/db";

/** How long event `eventId`'s waiting-list offers hold their places (the event page says so before joining). */
export async function waitlistOfferHours(eventId: string): Promise<number> {
  const event = await prisma.event.findUnique({ where: { id: eventId }, select: { waitlistOfferHours: true } });
  return event?.waitlistOfferHours ?? 12;
}
