import "server-only";
import { env } from "@/lib/env";

export type CheckoutOrder = { id: string; reference: string; totalMinor: number; currency: string; holdExpiresAt: Date };

/** Where the buyer goes to pay; each provider confirms through lib/orders/complete-order. */
export interface PaymentProvider {
  readonly name: "local" | "stripe";
  startCheckout(order: CheckoutOrder): Promise<{ url: string }>;
}

// The local provider: a test-mode checkout page inside the app, used whenever no Stripe
// key is set, so the whole flow runs offline and every path (success, decline, late) can be tried.
const localProvider: PaymentProvider = {
  name: "local",
  async startCheckout(order) {
    return { url: `/orders/${order.id}/pay` };
  },
};

/** Stripe when a key is set, otherwise the local test-mode provider. */
export async function paymentProvider(): Promise<PaymentProvider> {
  if (!env().STRIPE_SECRET_KEY) return localProvider;
  return (await import("./stripe")).stripeProvider;
}

export function usesLocalProvider(): boolean {
  return !env().STRIPE_SECRET_KEY;
}
