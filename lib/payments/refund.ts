import "server-only";
import { RefundError } from "./errors";
import { paymentProviderNamed } from "./provider";

export type RefundDue = { orderId: string; refundId: string; paymentProvider: string | null; paymentRef: string | null; amountMinor: number };

/**
 * Gives one refund row's money back through the provider that took the order's payment (each
 * provider's `refund` is idempotent per refund: the job can run again after a crash). Nothing
 * to give back (a free order, a fee that kept it all), or no provider took money: nothing to do.
 */
export async function refundPayment(refund: RefundDue): Promise<void> {
  if (refund.amountMinor === 0 || refund.paymentProvider === null) return;
  const provider = await paymentProviderNamed(refund.paymentProvider);
  if (!provider) throw new RefundError(`No refund method for payment provider "${refund.paymentProvider}" (order ${refund.orderId})`);
  await provider.refund({ orderId: refund.orderId, refundId: refund.refundId, paymentRef: refund.paymentRef, amountMinor: refund.amountMinor });
}
