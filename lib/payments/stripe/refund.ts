import "server-only";
import type Stripe from "stripe";
import { prisma } from "@/lib/db";
import { stripeClient } from "./client";

/**
 * Gives back `amountMinor` of a Checkout payment: all of it, or part (single tickets cancelled,
 * a cancellation fee kept). Idempotent per refund row: the keys are `refund:<refundId>` and
 * `fee-refund:<refundId>`, so a second partial refund of the same order is a new one and a
 * retried job is not. A payment made on a host's behalf (a destination charge, docs/decisions/0020)
 * takes back the host's transfer by the refunded amount (`reverse_transfer`), and the platform
 * gives back the part of its fee the refund row fixed when it was owed, as an explicit
 * application fee refund: the ledger books the same figure, so the two agree to the cent
 * without Stripe's own (unpublished) rounding of a proportional fee refund.
 */
export async function refundStripePayment(refund: { orderId: string; refundId: string; sessionId: string; amountMinor: number }): Promise<void> {
  const stripe = stripeClient();
  const session = await stripe.checkout.sessions.retrieve(refund.sessionId);
  const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  if (!paymentIntent) throw new Error(`Checkout session ${refund.sessionId} has no payment to refund`);
  const [order, row] = await Promise.all([
    prisma.order.findUnique({ where: { id: refund.orderId }, select: { payoutAccount: true } }),
    prisma.refund.findUnique({ where: { id: refund.refundId }, select: { platformFeeRefundMinor: true } }),
  ]);
  const onBehalf = Boolean(order?.payoutAccount);
  await stripe.refunds.create(
    {
      payment_intent: paymentIntent,
      amount: refund.amountMinor,
      ...(onBehalf ? { reverse_transfer: true, refund_application_fee: false } : {}),
      metadata: { orderId: refund.orderId, refundId: refund.refundId },
    },
    { idempotencyKey: `refund:${refund.refundId}` },
  );
  const feeBack = row?.platformFeeRefundMinor ?? 0;
  if (!onBehalf || feeBack <= 0) return;
  const intent = await stripe.paymentIntents.retrieve(paymentIntent, { expand: ["latest_charge"] });
  const fee = (intent.latest_charge as Stripe.Charge | null)?.application_fee;
  const feeId = typeof fee === "string" ? fee : fee?.id;
  if (!feeId) throw new Error(`Payment ${paymentIntent} on a host's behalf has no application fee to refund`);
  await stripe.applicationFees.createRefund(feeId, { amount: feeBack, metadata: { orderId: refund.orderId, refundId: refund.refundId } }, { idempotencyKey: `fee-refund:${refund.refundId}` });
}
