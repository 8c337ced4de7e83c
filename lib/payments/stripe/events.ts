import "server-only";
import type Stripe from "stripe";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { inTransaction, type Db } from "@/lib/db/transaction";
import { isUuid } from "@/lib/ids";
import { confirmOrderPayment, releasePendingOrder } from "@/lib/orders/transitions";
import { stripeClient } from "./client";

// What Stripe tells us about a Checkout session (a signed webhook, or the session read back
// on the browser's return or a resume) ends in the same idempotent lib/orders transitions.

export type WebhookResult =
  | { status: 200; outcome: string }
  | { status: 400; error: string };

const HANDLED = new Set([
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded",
  "checkout.session.async_payment_failed",
  "checkout.session.expired",
]);

/** Verifies the signature on the raw body, then applies the event exactly once. */
export async function handleStripeWebhook(rawBody: string, signature: string | null): Promise<WebhookResult> {
  const secret = env().STRIPE_WEBHOOK_SECRET;
  if (!secret || !signature) return { status: 400, error: "missing signature" };
  let event: Stripe.Event;
  try {
    event = stripeClient().webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    return { status: 400, error: "invalid signature" };
  }
  if (event.type === "account.updated") return { status: 200, outcome: await accountUpdated(event.data.object as Stripe.Account) };
  if (!HANDLED.has(event.type)) return { status: 200, outcome: "ignored" };
  const session = event.data.object as Stripe.Checkout.Session;
  const orderId = session.metadata?.orderId;
  if (!orderId || !isUuid(orderId)) return { status: 400, error: "event names no order" };
  const known = await prisma.order.findUnique({ where: { id: orderId }, select: { id: true } });
  if (!known) return { status: 400, error: "unknown order" };

  const outcome = await inTransaction(async (tx) => {
    const recorded = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO payment_events (id, provider, type, order_id) VALUES (${event.id}, 'stripe', ${event.type}, ${orderId}::uuid)
      ON CONFLICT (id) DO NOTHING RETURNING id`;
    if (recorded.length === 0) return "duplicate";
    const confirmed = await confirmPaidSession(orderId, session, tx);
    if (confirmed !== "awaiting_payment") return confirmed;
    if (event.type === "checkout.session.expired" || event.type === "checkout.session.async_payment_failed") {
      return (await releasePendingOrder(orderId, tx)).changed ? "released" : "unchanged";
    }
    return confirmed;
  });
  return { status: 200, outcome };
}

/**
 * A host's connected account changed (docs/decisions/0020). Its state is read back from Stripe
 * rather than taken from the event, so events arriving out of order never leave an older state;
 * applying the same state twice changes nothing, so no event id needs keeping.
 */
async function accountUpdated(account: Stripe.Account): Promise<string> {
  const { retrieveAccountState } = await import("./connect");
  const { applyAccountState } = await import("@/lib/payouts/host-account");
  return (await applyAccountState(await retrieveAccountState(account.id))) ? "account_updated" : "unknown_account";
}

/** A session whose money has arrived confirms its order (idempotent); any other is still awaiting payment. */
export async function confirmPaidSession(orderId: string, session: Stripe.Checkout.Session, db?: Db): Promise<string> {
  if (session.payment_status !== "paid" && session.payment_status !== "no_payment_required") return "awaiting_payment";
  return (await confirmOrderPayment({ orderId, provider: "stripe", paymentRef: session.id }, db)).outcome;
}

/**
 * The buyer came back from Stripe: ask Stripe for the session's state instead of waiting
 * for the webhook. Ends in the same idempotent confirm as the webhook.
 */
export async function confirmStripeReturn(orderId: string, sessionId: string): Promise<string> {
  const session = await stripeClient().checkout.sessions.retrieve(sessionId);
  if (session.metadata?.orderId !== orderId) return "mismatch";
  return confirmPaidSession(orderId, session);
}
