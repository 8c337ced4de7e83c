import "server-only";
import type { PaymentProvider } from "./types";

// The local provider: a test-mode checkout page inside the app where the buyer chooses the
// outcome (lib/payments/local-payment.ts), so the whole flow runs offline and every path
// (success, decline, late) can be tried. It takes no money, so there is nothing to refund
// or close. In production it exists only when the operator opted in with
// UNSAFE_TEST_PAYMENTS (lib/env.ts refuses to start otherwise).
export const localProvider: PaymentProvider<"local"> = {
  name: "local",
  async startCheckout(order) {
    return { url: `/orders/${order.id}/pay` };
  },
  async refund() {},
  async expireCheckout() {},
};
