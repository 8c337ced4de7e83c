import "server-only";
import Stripe from "stripe";
import { prisma } from "@/lib/db";
import { env } from "@/lib/env";
import { inTransaction } from "@/lib/db/transaction";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { confirmOrderPayment, releasePendingOrder, type CompletionOutcome } from "@/lib/orders/transitions";
import { toLocale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { appUrl } from "@/lib/urls";
import { isUuid } from "@/lib/ids";
import type { CheckoutOrder, PaymentProvider } from "./provider";

// Stripe Checkout sessions must live at least 30 minutes; our hold is shorter. The session
// is created to expire as early as Stripe allows, and a queued job expires it when the hold
// ends (see docs/decisions/0003-stripe-checkout.md). A payment that still lands after the
// hold is handled by confirmOrderPayment (lib/orders): places re-taken if free, otherwise refunded.
const MIN_SESSION_SECONDS = 30 * 60 + 60;

let client: Stripe | undefined;

export function stripeClient(): Stripe {
  const settings = env();
  if (!settings.STRIPE_SECRET_KEY) throw new Error("STRIPE_SECRET_KEY is not set");
  if (!client) {
    const base = settings.STRIPE_API_BASE ? new URL(settings.STRIPE_API_BASE) : undefined;
    client = new Stripe(settings.STRIPE_SECRET_KEY, {
      maxNetworkRetries: 2,
      timeout: 20_000,
      telemetry: false,
      ...(base ? { host: base.hostname, port: base.port, protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
    });
  }
  return client;
}

export const stripeProvider: PaymentProvider = {
  name: "stripe",
  async startCheckout(order: CheckoutOrder) {
    const existing = await prisma.order.findUnique({ where: { id: order.id }, select: { paymentProvider: true, paymentRef: true, locale: true, user: { select: { email: true } }, items: { select: { quantity: true, unitPriceMinor: true, ticketType: { select: { name: true } } } } } });
    if (!existing) throw new Error(`Order ${order.id} not found`);
    const stripe = stripeClient();
    if (existing.paymentProvider === "stripe" && existing.paymentRef) {
      const session = await stripe.checkout.sessions.retrieve(existing.paymentRef);
      if (session.status === "open" && session.url) return { url: session.url };
    }
    const base = appUrl();
    const lineItems = existing.items.length
      ? existing.items.map((item) => ({
          quantity: item.quantity,
          price_data: { currency: order.currency.toLowerCase(), unit_amount: item.unitPriceMinor, product_data: { name: item.ticketType.name } },
        }))
      : [{ quantity: 1, price_data: { currency: order.currency.toLowerCase(), unit_amount: order.totalMinor, product_data: { name: `Booking ${order.reference}` } } }];
    const session = await stripe.checkout.sessions.create(
      {
        mode: "payment",
        allowed_payment_method_types: ["card", "crypto"],
        line_items: lineItems,
        client_reference_id: order.id,
        customer_email: existing.user.email,
        metadata: { orderId: order.id, reference: order.reference },
        payment_intent_data: { metadata: { orderId: order.id, reference: order.reference } },
        expires_at: Math.floor(Math.max(order.holdExpiresAt.getTime(), Date.now() + MIN_SESSION_SECONDS * 1000) / 1000),
        // Back to the order page in the language the buyer bought in.
        success_url: `${base}/api/payments/stripe/return?order=${order.id}&locale=${toLocale(existing.locale)}&session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${base}${localePath(toLocale(existing.locale), `/orders/${order.id}`)}`,
      },
      { idempotencyKey: `checkout:${order.id}` },
    );
    await inTransaction(async (tx) => {
      await tx.$executeRaw`
        UPDATE orders SET payment_provider = 'stripe', payment_ref = ${session.id} WHERE id = ${order.id}::uuid AND status = 'pending'`;
      // When the hold ends, close the Checkout session so nobody pays for places we gave away.
      await enqueueJob(tx, "expire_checkout", { orderId: order.id, sessionId: session.id }, { runAt: order.holdExpiresAt });
    });
    if (!session.url) throw new Error("Stripe returned a Checkout session without a URL");
    return { url: session.url };
  },
};

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
    return applySessionState(tx, orderId, session, event.type);
  });
  return { status: 200, outcome };
}

async function applySessionState(
  tx: Parameters<Parameters<typeof inTransaction>[0]>[0],
  orderId: string,
  session: Stripe.Checkout.Session,
  eventType: string,
): Promise<string> {
  if (session.payment_status === "paid" || session.payment_status === "no_payment_required") {
    const result: CompletionOutcome = await confirmOrderPayment({ orderId, provider: "stripe", paymentRef: session.id }, tx);
    return result.outcome;
  }
  if (eventType === "checkout.session.expired" || eventType === "checkout.session.async_payment_failed") {
    return (await releasePendingOrder(orderId, tx)).changed ? "released" : "unchanged";
  }
  return "awaiting_payment";
}

/**
 * The buyer came back from Stripe: ask Stripe for the session's state instead of waiting
 * for the webhook. Ends in the same idempotent confirm as the webhook.
 */
export async function confirmStripeReturn(orderId: string, sessionId: string): Promise<string> {
  const session = await stripeClient().checkout.sessions.retrieve(sessionId);
  if (session.metadata?.orderId !== orderId) return "mismatch";
  if (session.payment_status !== "paid" && session.payment_status !== "no_payment_required") return "awaiting_payment";
  const result = await confirmOrderPayment({ orderId, provider: "stripe", paymentRef: session.id });
  return result.outcome;
}

/** The `expire_checkout` job: close an open Checkout session once its hold has ended. */
export async function expireCheckoutSession(payload: { orderId: string; sessionId: string }): Promise<void> {
  const order = await prisma.order.findUnique({ where: { id: payload.orderId }, select: { status: true } });
  if (!order || order.status !== "pending") return;
  const stripe = stripeClient();
  const session = await stripe.checkout.sessions.retrieve(payload.sessionId);
  if (session.status !== "open") return;
  await stripe.checkout.sessions.expire(payload.sessionId, {}, { idempotencyKey: `expire:${payload.sessionId}` });
}

/** Full refund of a Checkout payment (idempotent per order). */
export async function refundStripePayment(orderId: string, sessionId: string): Promise<void> {
  const stripe = stripeClient();
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : session.payment_intent?.id;
  if (!paymentIntent) throw new Error(`Checkout session ${sessionId} has no payment to refund`);
  await stripe.refunds.create({ payment_intent: paymentIntent, metadata: { orderId } }, { idempotencyKey: `refund:${orderId}` });
}
