import "server-only";
import { env, testPaymentsEnabled } from "@/lib/env";

export type CheckoutOrder = { id: string; reference: string; totalMinor: number; currency: string; holdExpiresAt: Date };

/** Where the buyer goes to pay; each provider confirms through lib/orders/transitions. */
export interface PaymentProvider {
  readonly name: "local" | "stripe";
  startCheckout(order: CheckoutOrder): Promise<{ url: string }>;
}

// The local provider: a test-mode checkout page inside the app where the buyer chooses the
// outcome, so the whole flow runs offline and every path (success, decline, late) can be
// tried. It confirms orders without taking money: in production it exists only when the
// operator opted in with UNSAFE_TEST_PAYMENTS (lib/env.ts refuses to start otherwise).
const localProvider: PaymentProvider = {
  name: "local",
  async startCheckout(order) {
    return { url: `/orders/${order.id}/pay` };
  },
};

/** Stripe when a key is set, otherwise the local test-mode provider where it is allowed. */
export async function paymentProvider(): Promise<PaymentProvider> {
  if (env().STRIPE_SECRET_KEY) return (await import("./stripe")).stripeProvider;
  if (testPaymentsEnabled()) return localProvider;
  // Unreachable while lib/env.ts validates production settings; kept so a refactor there
  // cannot silently hand out free tickets.
  throw new Error("No payment provider: set STRIPE_SECRET_KEY (or UNSAFE_TEST_PAYMENTS=true for a demo site)");
}

/** The local test-mode provider confirms payments (and every page shows the test-mode banner). */
export function usesLocalProvider(): boolean {
  return testPaymentsEnabled();
}
