import "server-only";
import { actorOf, canViewHeldTicket } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/users";
import { prisma, sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { loadOrderTickets } from "./load-order-tickets";
import { formatShortCode } from "./short-code";
import { ticketQrSvg } from "./ticket-qr";

// Tickets handed to someone (issue 29.2): a buyer names another holder with an email; once
// that person's account has verified the email, the ticket is theirs to see in My tickets and
// on its own page (lib/auth/policy.ts canViewHeldTicket), never the buyer's order.

export type HeldTicketSummary = { id: string; eventTitle: string; startsAt: Date; timeZone: string; venueName: string; holderName: string };

/** Valid tickets of paid orders given to `email` by another buyer, upcoming first. */
export async function listTicketsHeldBy(email: string, now = new Date()): Promise<HeldTicketSummary[]> {
  const rows = await sql<{ id: string; event_title: string; starts_at: Date; time_zone: string; venue_name: string; holder_name: string }>`
    SELECT t.id, e.title AS event_title, coalesce(s.starts_at, b.starts_at) AS starts_at, v.time_zone, v.name AS venue_name, t.holder_name
      FROM tickets t
      JOIN orders o ON o.id = t.order_id
      JOIN events e ON e.id = o.event_id
      LEFT JOIN ticket_types tt ON tt.id = t.ticket_type_id
      LEFT JOIN event_sessions s ON s.id = tt.session_id
      LEFT JOIN bookings b ON b.id = t.booking_id
      LEFT JOIN resources r ON r.id = b.resource_id
      JOIN venues v ON v.id = coalesce(s.venue_id, r.venue_id)
     WHERE t.holder_email = ${email.toLowerCase()} AND o.buyer_email <> ${email.toLowerCase()}
       AND t.status = 'valid' AND o.status = 'paid' AND coalesce(s.ends_at, b.ends_at) > ${now}
     ORDER BY 3, t.id
     LIMIT 100`;
  return rows.map((row) => ({ id: row.id, eventTitle: row.event_title, startsAt: new Date(row.starts_at), timeZone: row.time_zone, venueName: row.venue_name, holderName: row.holder_name }));
}

/** One handed-on ticket with its door codes, for its holder (or an admin); null for anyone else (404). */
export async function getHeldTicket(ticketId: string, viewer: SessionUser | null) {
  if (!viewer || !isUuid(ticketId)) return null;
  const ticket = await prisma.ticket.findUnique({ where: { id: ticketId }, select: { orderId: true, holderEmail: true, status: true, order: { select: { status: true } } } });
  if (!ticket || ticket.status !== "valid" || ticket.order.status !== "paid" || !canViewHeldTicket(actorOf(viewer), ticket)) return null;
  const order = await loadOrderTickets(ticket.orderId);
  const page = order?.pdf.tickets.find((candidate) => candidate.id === ticketId);
  if (!order || !page) return null;
  return { ...page, shortCode: formatShortCode(page.shortCode), qrSvg: await ticketQrSvg(page.signedCode), buyerName: order.buyer.name };
}
