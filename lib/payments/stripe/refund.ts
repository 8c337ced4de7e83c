import "server-only";
import { stripeClient } from "./client";

/** Full refund of a Checkout payment (idempotent per order: the key is `refund:<orderId>`). */
export async function refundStripePayment(orderId: string, sessionId: string): Promise<void> {
  const stripe = stripeClient();
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  if (!paymentIntent) throw new Error(`Checkout session ${sessionId} has no payment to refund`);
  await stripe.refunds.create({ payment_intent: paymentIntent, metadata: { orderId } }, { idempotencyKey: `refund:${orderId}` });
}
