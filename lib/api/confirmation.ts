import "server-only";
import type { SessionUser } from "@/lib/auth/users";
import { getDeliveryStatus, getOrderForViewer } from "@/lib/orders/get-order";
import { usesLocalProvider } from "@/lib/payments/provider";
import { absoluteUrl } from "@/lib/http/json";
import type { OrderConfirmation } from "./schemas";

/**
 * The saved order as its owner or an admin sees it: items or booking, tickets, the state of
 * the email with the PDF tickets and, once that has gone out, the PDF download link.
 * Null for anyone else and for unknown ids alike (the route answers 404 to both).
 */
export async function getOrderConfirmation(options: { orderId: string; viewer: SessionUser | null; accessToken?: string; baseUrl: string }): Promise<OrderConfirmation | null> {
  const order = await getOrderForViewer(options.orderId, options.viewer, options.accessToken);
  if (!order) return null;
  const delivery = order.status === "paid" ? await getDeliveryStatus(order.id) : "none";
  const session = order.items[0]?.ticketType.session;
  const booking = order.bookings[0];
  const venue = session?.venue ?? booking?.resource.venue ?? null;
  const event = session?.event ?? booking?.resource.event ?? null;
  const url = (path: string) => absoluteUrl(options.baseUrl, path);
  return {
    order: {
      id: order.id,
      reference: order.reference,
      status: order.status,
      totalMinor: order.totalMinor,
      currency: order.currency,
      createdAt: order.createdAt.toISOString(),
      holdExpiresAt: order.holdExpiresAt.toISOString(),
      paidAt: order.paidAt?.toISOString() ?? null,
      paymentProvider: order.paymentProvider,
    },
    event: event ? { title: event.title, slug: event.slug } : null,
    venue: venue ? { name: venue.name, address: venue.address, timeZone: venue.timeZone } : null,
    items: order.items.map((item) => ({
      ticketTypeId: item.ticketTypeId,
      name: item.ticketType.name,
      quantity: item.quantity,
      unitPriceMinor: item.unitPriceMinor,
      status: item.status,
      session: { id: item.ticketType.session.id, startsAt: item.ticketType.session.startsAt.toISOString(), endsAt: item.ticketType.session.endsAt.toISOString() },
    })),
    bookings: order.bookings.map((entry) => ({
      id: entry.id,
      resourceId: entry.resourceId,
      name: entry.resource.name,
      startsAt: entry.startsAt.toISOString(),
      endsAt: entry.endsAt.toISOString(),
      status: entry.status,
    })),
    tickets: order.tickets.map((ticket) => ({
      id: ticket.id,
      label: ticket.ticketType?.name ?? "Booking",
      holderName: ticket.holderName,
      holderEmail: ticket.holderEmail,
      code: ticket.code,
      status: ticket.status,
    })),
    delivery: { status: delivery, ticketsPdfUrl: delivery === "sent" ? url(`/api/orders/${order.id}/tickets.pdf`) : null },
    links: {
      self: url(`/api/orders/${order.id}/confirmation`),
      page: url(`/orders/${order.id}`),
      ...(order.status === "pending" && usesLocalProvider() ? { payLocal: url(`/api/orders/${order.id}/pay/local`) } : {}),
    },
  };
}
