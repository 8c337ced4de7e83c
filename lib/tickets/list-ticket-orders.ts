import "server-only";
import { prisma } from "@/lib/db";
import { groupTicketOrders, type TicketOrderSummary } from "./group-ticket-orders";

const venue = { select: { name: true, timeZone: true } } as const;

/**
 * A buyer's orders for "My tickets", each with its event, date, venue and number of valid
 * tickets, grouped upcoming / past: the account's own, and once its email is verified the
 * orders made as a guest with that email (issue 27). Orders that never got paid and are not
 * waiting for payment (expired holds) are left out: they hold no tickets.
 */
export async function listTicketOrders(
  buyer: { userId: string; verifiedEmail?: string | null },
  now = new Date(),
): Promise<{ upcoming: TicketOrderSummary[]; past: TicketOrderSummary[] }> {
  const mine = buyer.verifiedEmail ? [{ userId: buyer.userId }, { userId: null, buyerEmail: buyer.verifiedEmail }] : [{ userId: buyer.userId }];
  const orders = await prisma.order.findMany({
    where: { OR: mine, status: { not: "expired" } },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      reference: true,
      status: true,
      totalMinor: true,
      currency: true,
      _count: { select: { tickets: { where: { status: "valid" } } } },
      items: { take: 1, orderBy: { ticketTypeId: "asc" }, select: { ticketType: { select: { session: { select: { startsAt: true, endsAt: true, event: { select: { title: true } }, venue } } } } } },
      bookings: { take: 1, orderBy: { startsAt: "asc" }, select: { startsAt: true, endsAt: true, resource: { select: { event: { select: { title: true } }, venue } } } },
    },
  });
  const summaries: TicketOrderSummary[] = [];
  for (const order of orders) {
    const session = order.items[0]?.ticketType.session;
    const booking = order.bookings[0];
    const place = session
      ? { eventTitle: session.event.title, venue: session.venue, startsAt: session.startsAt, endsAt: session.endsAt }
      : booking
        ? { eventTitle: booking.resource.event.title, venue: booking.resource.venue, startsAt: booking.startsAt, endsAt: booking.endsAt }
        : null;
    if (!place) continue;
    summaries.push({
      id: order.id,
      reference: order.reference,
      status: order.status,
      totalMinor: order.totalMinor,
      currency: order.currency,
      eventTitle: place.eventTitle,
      venueName: place.venue.name,
      timeZone: place.venue.timeZone,
      startsAt: place.startsAt,
      endsAt: place.endsAt,
      ticketCount: order._count.tickets,
    });
  }
  return groupTicketOrders(summaries, now);
}
