import "server-only";
import { sendEmail } from "@/lib/email/send-email";
import { ticketsDeliveredEmail } from "@/lib/email/templates";
import { localePath } from "@/lib/i18n/paths";
import { jobKey, type JobPayload } from "@/lib/jobs/kinds";
import { appUrl } from "@/lib/urls";
import { downloadLinkExpiry, signDownloadLink } from "./download-link";
import { loadOrderTickets } from "./load-order-tickets";
import { storedOrRenderedTicketsPdf, ticketsPdfFilename } from "./order-tickets-pdf";
import { deliveryAccessToken, withAccess } from "@/lib/orders/order-access";
import { orderCalendarFile } from "@/lib/places/order-calendar";

// The `deliver_order` job (lib/jobs/kinds.ts; run by lib/worker). It may run more than once
// (a worker can die after the work but before the job is marked done), so it re-reads the
// order and the email carries an idempotency key, which Resend and the dev outbox honour.

/** The delivery email's idempotency key: the job's own key, plus the resend marker of a deliberate second delivery. */
export function deliveryIdempotencyKey(orderId: string, resend?: string | number): string {
  const key = jobKey("deliver_order", orderId);
  return resend === undefined ? key : `${key}:resend:${resend}`;
}

/** Paid order → PDF in the blob store → email with the PDF attached. */
export async function deliverOrder({ orderId, resend }: JobPayload<"deliver_order">): Promise<void> {
  const order = await loadOrderTickets(orderId);
  // Cancelled or refunded since payment: nothing to deliver.
  if (!order || order.status !== "paid" || !order.summary || order.pdf.tickets.length === 0) return;

  const pdf = await storedOrRenderedTicketsPdf(order);
  const base = appUrl();
  // The expiry comes from the order, not the clock, so every attempt sends the same email.
  const expiresAt = downloadLinkExpiry(order.paidAt ?? new Date(0), order.summary.lastEndsAt);
  const email = ticketsDeliveredEmail({
    buyerName: order.buyer.name,
    eventTitle: order.summary.eventTitle,
    when: order.summary.when,
    venueName: order.summary.venueName,
    venueAddress: order.summary.venueAddress,
    orderReference: order.reference,
    ticketCount: order.pdf.tickets.length,
    // A private link: the order opens from the email without signing in (lib/orders/order-access.ts).
    orderUrl: `${base}${withAccess(localePath(order.locale, `/orders/${order.id}`), await deliveryAccessToken(order.id))}`,
    downloadUrl: signDownloadLink(order.id, expiresAt, base),
    locale: order.locale,
  });
  // The session as an .ics beside the PDF: mail apps offer "add to calendar" (issue 31).
  const calendar = await orderCalendarFile(order.id, base);
  await sendEmail({
    to: order.buyer.email,
    ...email,
    attachments: [{ filename: ticketsPdfFilename(order.reference), content: pdf, contentType: "application/pdf" }, ...(calendar ? [calendar] : [])],
    idempotencyKey: deliveryIdempotencyKey(order.id, resend),
  });
}
