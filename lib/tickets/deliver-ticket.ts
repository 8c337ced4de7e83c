import "server-only";
import { sendEmail } from "@/lib/email/send-email";
import { ticketGivenEmail } from "@/lib/email/templates";
import { prisma } from "@/lib/db";
import { jobKey, type JobPayload } from "@/lib/jobs/kinds";
import { getBlob, putBlob } from "@/lib/storage/blob-store";
import { loadOrderTickets } from "./load-order-tickets";
import { renderTicketsPdf } from "./render-ticket-pdf";

// The `deliver_ticket` job (lib/jobs/kinds.ts), queued by ticket_change_holder when a ticket's
// new holder has an email: that one ticket's PDF goes to them. Idempotent like deliver_order:
// the PDF is stored once and the email carries the job's key.

export async function deliverTicket({ ticketId }: JobPayload<"deliver_ticket">): Promise<void> {
  const ticket = await prisma.ticket.findUnique({ where: { id: ticketId }, select: { orderId: true, holderName: true, holderEmail: true, status: true } });
  // Re-issued again meanwhile (void), or no email: the newer ticket's own job delivers.
  if (!ticket || ticket.status !== "valid" || !ticket.holderEmail) return;
  const order = await loadOrderTickets(ticket.orderId);
  const page = order?.pdf.tickets.find((candidate) => candidate.id === ticketId);
  if (!order || order.status !== "paid" || !page) return;
  const key = `tickets/ticket-${ticketId}.pdf`;
  let pdf = await getBlob(key);
  if (!pdf) {
    pdf = await renderTicketsPdf({ ...order.pdf, tickets: [page] });
    await putBlob(key, pdf, "application/pdf");
  }
  const email = ticketGivenEmail({
    holderName: ticket.holderName,
    buyerName: order.buyer.name,
    eventTitle: page.eventTitle,
    when: page.when,
    venueName: page.venueName,
    venueAddress: page.venueAddress,
    shortCode: page.shortCode,
    locale: order.locale,
  });
  await sendEmail({
    to: ticket.holderEmail,
    ...email,
    attachments: [{ filename: `ticket-${order.reference}-${page.shortCode}.pdf`, content: pdf, contentType: "application/pdf" }],
    idempotencyKey: jobKey("deliver_ticket", ticketId),
  });
}
