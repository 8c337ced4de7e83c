import "server-only";
import { refundStripePayment } from "./stripe";

export type RefundableOrder = {
  id: string;
  paymentProvider: string | null;
  paymentRef: string | null;
  totalMinor: number;
};

export class RefundError extends Error {}

/**
 * Gives the buyer's money back through the provider that took it. Must be idempotent:
 * the refund job can run again after a crash, so a provider call carries an idempotency
 * key per order (Stripe: `refund:<orderId>`).
 * The local test provider and free orders took no real money: nothing to do.
 */
export async function refundPayment(order: RefundableOrder): Promise<void> {
  if (order.totalMinor === 0) return;
  switch (order.paymentProvider) {
    case null:
    case "free":
    case "local":
      return;
    case "stripe":
      if (!order.paymentRef) throw new RefundError(`Order ${order.id} was paid with Stripe but has no Checkout session to refund`);
      await refundStripePayment(order.id, order.paymentRef);
      return;
    default:
      throw new RefundError(`No refund method for payment provider "${order.paymentProvider}" (order ${order.id})`);
  }
}
