import "server-only";
import { prisma } from "@/lib/db";
import { stripeClient } from "./client";

/**
 * Gives back `amountMinor` of a Checkout payment: all of it, or part (single tickets cancelled,
 * a cancellation fee kept). Idempotent per refund row: the key is `refund:<refundId>`, so a
 * second partial refund of the same order is a new one and a retried job is not. A payment made
 * on a host's behalf (a destination charge, docs/decisions/0020) takes back the host's transfer
 * and gives back the platform's fee in proportion (Stripe computes both from `amount`).
 */
export async function refundStripePayment(refund: { orderId: string; refundId: string; sessionId: string; amountMinor: number }): Promise<void> {
  const stripe = stripeClient();
  const session = await stripe.checkout.sessions.retrieve(refund.sessionId);
  const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  if (!paymentIntent) throw new Error(`Checkout session ${refund.sessionId} has no payment to refund`);
  const order = await prisma.order.findUnique({ where: { id: refund.orderId }, select: { payoutAccount: true } });
  const reversal = order?.payoutAccount ? { reverse_transfer: true, refund_application_fee: true } : {};
  await stripe.refunds.create(
    { payment_intent: paymentIntent, amount: refund.amountMinor, ...reversal, metadata: { orderId: refund.orderId, refundId: refund.refundId } },
    { idempotencyKey: `refund:${refund.refundId}` },
  );
}
