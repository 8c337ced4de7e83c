import "server-only";
import { z } from "zod";
import { sendEmail } from "@/lib/email/send-email";
import { refundNoticeEmail, ticketsDeliveredEmail, type RefundReason } from "@/lib/email/templates";
import { localePath } from "@/lib/i18n/paths";
import { formatMoney } from "@/lib/money";
import { markOrderRefunded } from "@/lib/orders/transitions";
import { refundPayment } from "@/lib/payments/refund";
import { expireCheckoutSession } from "@/lib/payments/stripe";
import { downloadLinkExpiry, signDownloadLink } from "@/lib/tickets/download-link";
import { loadOrderTickets, type OrderTickets } from "@/lib/tickets/load-order-tickets";
import { storedOrRenderedTicketsPdf, ticketsPdfFilename } from "@/lib/tickets/order-tickets-pdf";
import { appUrl } from "@/lib/urls";
import type { JobHandler } from "./queue";

// Every handler may run more than once (a worker can die after the work but before the
// job is marked done), so each one is idempotent: it re-reads the state and the email it
// sends carries an idempotency key, which Resend and the dev outbox honour.

const ZOrderPayload = z.object({ orderId: z.uuid() });
/**
 * `resend` (optional) marks a deliberate second delivery, e.g. an admin's "resend tickets":
 * it becomes part of the idempotency key, so that one email goes out again (once).
 */
const ZDeliverPayload = ZOrderPayload.extend({
  resend: z.union([z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), z.number().int().nonnegative()]).optional(),
});

export function deliveryIdempotencyKey(orderId: string, resend?: string | number): string {
  return resend === undefined ? `deliver_order:${orderId}` : `deliver_order:${orderId}:resend:${resend}`;
}

const ZExpireCheckoutPayload = z.object({ orderId: z.uuid(), sessionId: z.string().min(1) });

/** Paid order → PDF in the blob store → email with the PDF attached. */
export const deliverOrder: JobHandler = async (payload) => {
  const { orderId, resend } = ZDeliverPayload.parse(payload);
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
    orderUrl: `${base}${localePath(order.locale, `/orders/${order.id}`)}`,
    downloadUrl: signDownloadLink(order.id, expiresAt, base),
    locale: order.locale,
  });
  await sendEmail({
    to: order.buyer.email,
    ...email,
    attachments: [{ filename: ticketsPdfFilename(order.reference), content: pdf, contentType: "application/pdf" }],
    idempotencyKey: deliveryIdempotencyKey(order.id, resend),
  });
};

/** `refund_required` order → money back through its provider → `refunded` → refund notice. */
export const refundAndNotify: JobHandler = async (payload) => {
  const { orderId } = ZOrderPayload.parse(payload);
  const order = await loadOrderTickets(orderId);
  if (!order || (order.status !== "refund_required" && order.status !== "refunded")) return;

  if (order.status === "refund_required") {
    // The provider call happens outside the transaction so no row lock is held across the
    // network; it is idempotent per order, so running it again after a crash is safe.
    await refundPayment({ id: order.id, paymentProvider: order.paymentProvider, paymentRef: order.paymentRef, totalMinor: order.totalMinor });
    await markOrderRefunded(order.id);
  }

  // A free order took no money: nothing to tell.
  if (order.totalMinor === 0) return;
  const email = refundNoticeEmail({
    buyerName: order.buyer.name,
    eventTitle: order.summary?.eventTitle ?? null,
    orderReference: order.reference,
    amount: formatMoney(order.totalMinor, order.currency, order.locale),
    reason: refundReason(order.refundFacts),
    orderUrl: `${appUrl()}${localePath(order.locale, `/orders/${order.id}`)}`,
    locale: order.locale,
  });
  await sendEmail({ to: order.buyer.email, ...email, idempotencyKey: `refund_order:${order.id}` });
};

/** Why the money went back, from what the order's rows say. */
export function refundReason(facts: OrderTickets["refundFacts"]): RefundReason {
  if (facts.placesReleased) return "hold_expired"; // paid after the hold, places gone (order_confirm_payment)
  if (facts.eventCancelled) return "event_cancelled";
  if (facts.bookingCancelled && facts.hasBookings) return "booking_cancelled";
  return "refunded";
}

/** Close an open Stripe Checkout session once its hold has ended (lib/payments/stripe.ts). */
export const expireCheckout: JobHandler = async (payload) => {
  await expireCheckoutSession(ZExpireCheckoutPayload.parse(payload));
};

/**
 * Every kind of job: its payload schema beside its handler. lib/jobs/enqueue.ts takes its
 * payload types from here, so a job can only be queued with a payload its handler reads.
 */
export const JOB_DEFINITIONS = {
  deliver_order: { payload: ZDeliverPayload, run: deliverOrder },
  refund_order: { payload: ZOrderPayload, run: refundAndNotify },
  expire_checkout: { payload: ZExpireCheckoutPayload, run: expireCheckout },
} as const satisfies Record<string, { payload: z.ZodType; run: JobHandler }>;

export const jobHandlers: Record<string, JobHandler> = Object.fromEntries(
  Object.entries(JOB_DEFINITIONS).map(([kind, definition]) => [kind, definition.run]),
);
