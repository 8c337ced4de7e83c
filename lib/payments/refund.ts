import "server-only";
import { RefundError } from "./errors";
import { paymentProviderNamed } from "./provider";

export type RefundableOrder = {
  id: string;
  paymentProvider: string | null;
  paymentRef: string | null;
  totalMinor: number;
};

/**
 * Gives the buyer's money back through the provider that took it (each provider's `refund`
 * is idempotent per order: the refund job can run again after a crash). A free order, or
 * one no provider took, moved no money: nothing to do.
 */
export async function refundPayment(order: RefundableOrder): Promise<void> {
  if (order.totalMinor === 0 || order.paymentProvider === null) return;
  const provider = await paymentProviderNamed(order.paymentProvider);
  if (!provider) throw new RefundError(`No refund method for payment provider "${order.paymentProvider}" (order ${order.id})`);
  await provider.refund({ orderId: order.id, paymentRef: order.paymentRef, totalMinor: order.totalMinor });
}
