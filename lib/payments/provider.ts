import "server-only";
import { env, testPaymentsEnabled } from "@/lib/env";
import { freeProvider } from "./free-provider";
import { localProvider } from "./local-provider";
import { PROVIDER_NAMES, type PaymentProvider, type ProviderName } from "./types";

// The registry: every provider by the name an order records (`orders.payment_provider`).
// Stripe is loaded on first use, so the pages that only ask which provider is active (every
// layout does, for the test-mode banner) never load its SDK.
const PROVIDERS: { [Name in ProviderName]: () => Promise<PaymentProvider<Name>> } = {
  stripe: async () => (await import("./stripe/stripe-provider")).stripeProvider,
  local: async () => localProvider,
  free: async () => freeProvider,
};

/** The provider that took (or is taking) an order's payment; null for a name no provider has. */
export async function paymentProviderNamed(name: string): Promise<PaymentProvider | null> {
  return (PROVIDER_NAMES as readonly string[]).includes(name) ? PROVIDERS[name as ProviderName]() : null;
}

/** Where new payments go: Stripe when a key is set, otherwise the local test-mode provider where it is allowed. */
export async function paymentProvider(): Promise<PaymentProvider<"stripe" | "local">> {
  if (env().STRIPE_SECRET_KEY) return PROVIDERS.stripe();
  if (testPaymentsEnabled()) return PROVIDERS.local();
  // Unreachable while lib/env.ts validates production settings; kept so a refactor there
  // cannot silently hand out free tickets.
  throw new Error("No payment provider: set STRIPE_SECRET_KEY (or UNSAFE_TEST_PAYMENTS=true for a demo site)");
}

/** The local test-mode provider confirms payments (and every page shows the test-mode banner). */
export function usesLocalProvider(): boolean {
  return testPaymentsEnabled();
}
