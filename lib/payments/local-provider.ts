import "server-only";
import { withAccess } from "@/lib/orders/order-access";
import type { PaymentProvider } from "./types";

// The local provider: a test-mode checkout page inside the app where the buyer chooses the
// outcome (lib/payments/local-payment.ts), so the whole flow runs offline and every path
// (success, decline, late) can be tried. It takes no money, so there is nothing to refund
// or close. In production it exists only when the operator opted in with
// UNSAFE_TEST_PAYMENTS (lib/env.ts refuses to start otherwise).
export const localProvider: PaymentProvider<"local"> = {
  name: "local",
  async startCheckout(order) {
    // A guest pays with the order's private link (lib/orders/order-access.ts).
    return { url: withAccess(`/orders/${order.id}/pay`, order.accessToken) };
  },
  async refund() {},
  async expireCheckout() {},
};
