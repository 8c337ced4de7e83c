import "server-only";
import { sendEmail } from "@/lib/email/send-email";
import { refundNoticeEmail, type RefundReason } from "@/lib/email/templates";
import { localePath } from "@/lib/i18n/paths";
import { jobKey, type JobPayload } from "@/lib/jobs/kinds";
import { formatMoney } from "@/lib/money";
import { markOrderRefunded } from "@/lib/orders/transitions";
import { loadOrderTickets, type OrderTickets } from "@/lib/tickets/load-order-tickets";
import { appUrl } from "@/lib/urls";
import { refundPayment } from "./refund";

/**
 * The `refund_order` job (queued by the order functions with the change to
 * `refund_required`; run by lib/worker): money back through its provider → `refunded` →
 * refund notice. It may run more than once, so it re-reads the order and the email carries
 * an idempotency key.
 */
export async function refundAndNotify({ orderId }: JobPayload<"refund_order">): Promise<void> {
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
  await sendEmail({ to: order.buyer.email, ...email, idempotencyKey: jobKey("refund_order", order.id) });
}

/** Why the money went back, from what the order's rows say. */
export function refundReason(facts: OrderTickets["refundFacts"]): RefundReason {
  if (facts.placesReleased) return "hold_expired"; // paid after the hold, places gone (order_confirm_payment)
  if (facts.eventCancelled) return "event_cancelled";
  if (facts.bookingCancelled && facts.hasBookings) return "booking_cancelled";
  return "refunded";
}
