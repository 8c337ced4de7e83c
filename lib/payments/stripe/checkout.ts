import "server-only";
import { prisma } from "@/lib/db";
import { toLocale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { attachCheckout, orderPayoutTerms } from "@/lib/orders/attach-checkout";
import { OrderError } from "@/lib/orders/errors";
import { appUrl } from "@/lib/urls";
import type { CheckoutOrder } from "../types";
import { stripeClient } from "./client";
import { confirmPaidSession } from "./events";
import { ticketTypeNameIn } from "@/lib/catalog/ticket-type-name";
import { withAccess } from "@/lib/orders/order-access";

// Stripe Checkout sessions must live at least 30 minutes; our hold is shorter. The session
// is created to expire as early as Stripe allows, and a queued job expires it when the hold
// ends (docs/decisions/0004-stripe-checkout.md). A payment that still lands after the hold
// is handled by confirmOrderPayment (lib/orders): places re-taken if free, otherwise refunded.
const MIN_SESSION_SECONDS = 30 * 60 + 60;

/**
 * Where the buyer pays: the order's Checkout session while it is open (a buyer who left
 * Checkout and comes back resumes it), otherwise a new session while the hold lasts.
 * A session already completed is never paid twice: its payment is confirmed (as the
 * browser's return would) and the buyer goes to the order page.
 */
export async function startStripeCheckout(order: CheckoutOrder): Promise<{ url: string }> {
  const existing = await prisma.order.findUnique({ where: { id: order.id }, select: { paymentProvider: true, paymentRef: true, locale: true, buyerEmail: true, items: { select: { quantity: true, unitPriceMinor: true, ticketType: { select: { name: true, nameTranslations: true } } } } } });
  if (!existing) throw new Error(`Order ${order.id} not found`);
  const stripe = stripeClient();
  let replaced: string | null = null;
  if (existing.paymentProvider === "stripe" && existing.paymentRef) {
    const session = await stripe.checkout.sessions.retrieve(existing.paymentRef);
    if (session.status === "open" && session.url) return { url: session.url };
    if (session.status === "complete") {
      await confirmPaidSession(order.id, session);
      return { url: `/orders/${order.id}` };
    }
    replaced = session.id;
  }
  if (order.holdExpiresAt.getTime() <= Date.now()) {
    throw new OrderError("not_on_sale", "Your hold on these places has ended and nothing was charged; choose them again").says("holdEnded");
  }
  const base = appUrl();
  const locale = toLocale(existing.locale);
  const lineItems = existing.items.length
    ? existing.items.map((item) => ({
        quantity: item.quantity,
        price_data: { currency: order.currency.toLowerCase(), unit_amount: item.unitPriceMinor, product_data: { name: ticketTypeNameIn(item.ticketType, locale) } },
      }))
    : [{ quantity: 1, price_data: { currency: order.currency.toLowerCase(), unit_amount: order.totalMinor, product_data: { name: `Booking ${order.reference}` } } }];
  // A host's order is a destination charge (docs/decisions/0020): the money goes to the host's
  // connected account, less the platform's fee; the order keeps the same terms for the ledger.
  const payout = await orderPayoutTerms(order.id);
  const onBehalf = payout.account
    ? { ...(payout.feeMinor ? { application_fee_amount: payout.feeMinor } : {}), transfer_data: { destination: payout.account } }
    : {};
  const session = await stripe.checkout.sessions.create(
    {
      mode: "payment",
      allowed_payment_method_types: ["card", "crypto"],
      line_items: lineItems,
      client_reference_id: order.id,
      customer_email: existing.buyerEmail,
      metadata: { orderId: order.id, reference: order.reference },
      payment_intent_data: { metadata: { orderId: order.id, reference: order.reference }, ...onBehalf },
      expires_at: Math.floor(Math.max(order.holdExpiresAt.getTime(), Date.now() + MIN_SESSION_SECONDS * 1000) / 1000),
      // Back to the order page in the language the buyer bought in.
      // A guest comes back with the order's private link (lib/orders/order-access.ts).
      success_url: `${base}${withAccess(`/api/payments/stripe/return?order=${order.id}&locale=${locale}`, order.accessToken)}&session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${base}${withAccess(localePath(locale, `/orders/${order.id}`), order.accessToken)}`,
    },
    // A retry of the same start gets the same session; a session that replaces a closed one
    // is a different request, so it needs a key of its own.
    { idempotencyKey: replaced ? `checkout:${order.id}:after:${replaced}` : `checkout:${order.id}` },
  );
  await attachCheckout({ orderId: order.id, provider: "stripe", checkoutRef: session.id, payout });
  if (!session.url) throw new Error("Stripe returned a Checkout session without a URL");
  return { url: session.url };
}

/** Closes a Checkout session if it is still open (the key makes a repeat harmless). */
export async function expireStripeCheckout(sessionId: string): Promise<void> {
  const stripe = stripeClient();
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  if (session.status !== "open") return;
  await stripe.checkout.sessions.expire(sessionId, {}, { idempotencyKey: `expire:${sessionId}` });
}
