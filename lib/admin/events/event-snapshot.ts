import "server-only";
import type { Tx } from "@/lib/db/transaction";

/** The event as the audit log records it, before and after a change. */
export async function snapshotEvent(tx: Tx, eventId: string) {
  return tx.event.findUnique({
    where: { id: eventId },
    select: {
      id: true,
      slug: true,
      title: true,
      summary: true,
      description: true,
      language: true,
      translations: { orderBy: { locale: "asc" }, select: { locale: true, title: true, summary: true, description: true } },
      category: true,
      city: true,
      neighbourhood: true,
      imagePath: true,
      imageAlt: true,
      status: true,
      venueId: true,
      meetingPoint: true,
      reminderHoursBefore: true,
      version: true,
      holderChangeCutoffMinutes: true,
      transfersForbidden: true,
      cancellationPolicy: true,
      cancellationCutoffHours: true,
      cancellationFeePercent: true,
      waitlistOfferHours: true,
      questions: {
        orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        select: { id: true, kind: true, label: true, labelTranslations: true, options: true, required: true, perTicket: true, ticketTypeId: true, showAtDoor: true },
      },
      sessions: {
        orderBy: { startsAt: "asc" },
        select: {
          id: true,
          venueId: true,
          startsAt: true,
          endsAt: true,
          cancelled: true,
          ticketTypes: {
            orderBy: { sortOrder: "asc" },
            select: {
              id: true, name: true, description: true, priceMinor: true, currency: true, capacity: true, sold: true, held: true,
              salesStart: true, salesEnd: true, hidden: true,
              priceTiers: { orderBy: { sortOrder: "asc" }, select: { priceMinor: true, until: true, untilTaken: true } },
            },
          },
          quotas: { orderBy: { name: "asc" }, select: { id: true, name: true, capacity: true, ticketTypes: { select: { ticketTypeId: true }, orderBy: { ticketTypeId: "asc" } } } },
        },
      },
      resources: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          opensMinute: true,
          closesMinute: true,
          slotMinutes: true,
          minMinutes: true,
          maxMinutes: true,
          priceMinorPerSlot: true,
          currency: true,
        },
      },
    },
  });
}

export type EventSnapshot = NonNullable<Awaited<ReturnType<typeof snapshotEvent>>>;
