import "server-only";
import { stripeClient } from "./client";

/**
 * Gives back `amountMinor` of a Checkout payment: all of it, or part (single tickets cancelled,
 * a cancellation fee kept). Idempotent per refund row: the key is `refund:<refundId>`, so a
 * second partial refund of the same order is a new one and a retried job is not.
 */
export async function refundStripePayment(refund: { orderId: string; refundId: string; sessionId: string; amountMinor: number }): Promise<void> {
  const stripe = stripeClient();
  const session = await stripe.checkout.sessions.retrieve(refund.sessionId);
  const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  if (!paymentIntent) throw new Error(`Checkout session ${refund.sessionId} has no payment to refund`);
  await stripe.refunds.create(
    { payment_intent: paymentIntent, amount: refund.amountMinor, metadata: { orderId: refund.orderId, refundId: refund.refundId } },
    { idempotencyKey: `refund:${refund.refundId}` },
  );
}
