import "server-only";
import { RefundError } from "../errors";
import type { PaymentProvider } from "../types";
import { expireStripeCheckout, startStripeCheckout } from "./checkout";
import { refundStripePayment } from "./refund";

/** Stripe Checkout (docs/decisions/0004): card and crypto on Stripe's hosted pages. */
export const stripeProvider: PaymentProvider<"stripe"> = {
  name: "stripe",
  startCheckout: startStripeCheckout,
  async refund({ orderId, refundId, paymentRef, amountMinor }) {
    if (!paymentRef) throw new RefundError(`Order ${orderId} was paid with Stripe but has no Checkout session to refund`);
    await refundStripePayment({ orderId, refundId, sessionId: paymentRef, amountMinor });
  },
  async expireCheckout({ checkoutRef }) {
    await expireStripeCheckout(checkoutRef);
  },
};
