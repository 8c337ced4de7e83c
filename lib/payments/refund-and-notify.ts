import "server-only";
import { prisma } from "@/lib/db";
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
 * The `refund_order` job (queued by the order functions with the refund row that owes the
 * money, `order_owe_refund`; run by lib/worker): that refund paid through the order's provider
 * → the row `paid` (and the order `refunded` when it owes nothing more) → a refund notice. It
 * may run more than once: the provider call is idempotent per refund and the email carries an
 * idempotency key. A job without `refundId` (queued before refunds were rows) pays every
 * refund the order still owes.
 */
export async function refundAndNotify({ orderId, refundId }: JobPayload<"refund_order">): Promise<void> {
  const order = await loadOrderTickets(orderId);
  if (!order) return;
  const refunds = await prisma.refund.findMany({ where: { orderId, ...(refundId ? { id: refundId } : {}) }, orderBy: { createdAt: "asc" } });

  for (const refund of refunds) {
    if (refund.status === "pending") {
      // The provider call happens outside any transaction so no row lock is held across the network.
      await refundPayment({ orderId, refundId: refund.id, paymentProvider: order.paymentProvider, paymentRef: order.paymentRef, amountMinor: refund.amountMinor });
      await markOrderRefunded(orderId, refund.id);
    }
    // Nothing went back (a free order, a fee that kept it all): nothing to tell.
    if (refund.amountMinor === 0) continue;
    const email = refundNoticeEmail({
      buyerName: order.buyer.name,
      eventTitle: order.summary?.eventTitle ?? null,
      orderReference: order.reference,
      amount: formatMoney(refund.amountMinor, order.currency, order.locale),
      fee: refund.feeMinor > 0 ? formatMoney(refund.feeMinor, order.currency, order.locale) : null,
      reason: refundReason(refund.reason, order.refundFacts),
      orderUrl: `${appUrl()}${localePath(order.locale, `/orders/${order.id}`)}`,
      locale: order.locale,
    });
    await sendEmail({ to: order.buyer.email, ...email, idempotencyKey: jobKey("refund_order", refund.id) });
  }
}

/** Why the money went back: the refund row's reason, told apart further by what the order's rows say. */
export function refundReason(reason: string, facts: OrderTickets["refundFacts"]): RefundReason {
  if (reason === "cancelled") return "cancelled"; // the buyer, under the event's policy
  if (reason === "places_gone" || facts.placesReleased) return "hold_expired"; // paid after the hold, places gone (order_confirm_payment)
  if (facts.eventCancelled) return "event_cancelled";
  return "refunded";
}
