import "server-only";
import { prisma } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { ticketTypeNameIn } from "./ticket-type-name";

/**
 * The names, in `locale`, of the ticket types an order bought, by ticket type id and by
 * ticket id (void tickets too): the order page shows its lines and tickets in the reader's
 * language. The caller has already checked that the viewer may see the order.
 */
export async function ticketTypeNamesOfOrder(orderId: string, locale: Locale): Promise<{ byType: Map<string, string>; byTicket: Map<string, string> }> {
  const [items, tickets] = await Promise.all([
    prisma.orderItem.findMany({ where: { orderId }, select: { ticketType: { select: { id: true, name: true, nameTranslations: true } } } }),
    prisma.ticket.findMany({ where: { orderId, ticketTypeId: { not: null } }, select: { id: true, ticketType: { select: { name: true, nameTranslations: true } } } }),
  ]);
  return {
    byType: new Map(items.map((item) => [item.ticketType.id, ticketTypeNameIn(item.ticketType, locale)])),
    byTicket: new Map(tickets.flatMap((ticket) => (ticket.ticketType ? [[ticket.id, ticketTypeNameIn(ticket.ticketType, locale)] as const] : []))),
  };
}
