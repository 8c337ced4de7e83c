import "server-only";
import { loadOrderTickets } from "./load-order-tickets";
import { formatShortCode } from "./short-code";
import { ticketQrSvg } from "./ticket-qr";

/** `signedCode` is in the QR; `shortCode` (formatted, "K7QMR-3XT9P") is printed under it to type at the door. */
export type WebTicket = { id: string; signedCode: string; shortCode: string; qrSvg: string };

/**
 * The door codes of an order's valid tickets, keyed by ticket id, each with its QR as SVG: the
 * same codes the PDF prints (one source: loadOrderTickets). The caller has already checked that the viewer may see the order.
 */
export async function loadWebTickets(orderId: string): Promise<Map<string, WebTicket>> {
  const order = await loadOrderTickets(orderId);
  const tickets = await Promise.all(
    (order?.pdf.tickets ?? []).map(async (ticket) => ({
      id: ticket.id,
      signedCode: ticket.signedCode,
      shortCode: formatShortCode(ticket.shortCode),
      qrSvg: await ticketQrSvg(ticket.signedCode),
    })),
  );
  return new Map(tickets.map((ticket) => [ticket.id, ticket]));
}
