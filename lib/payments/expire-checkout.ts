import "server-only";
import { prisma } from "@/lib/db";
import type { JobPayload } from "@/lib/jobs/kinds";
import { paymentProviderNamed } from "./provider";

/**
 * The `expire_checkout` job, queued for the hold's end when a checkout is attached to an
 * order (lib/orders/attach-checkout.ts; run by lib/worker): close the checkout so nobody pays
 * for places given back. There is one such job per order, so it closes the order's current
 * checkout as well as the one it was queued for (a buyer who resumed may have a newer one).
 * A paid or closed order has nothing to close.
 */
export async function expireCheckout({ orderId, sessionId }: JobPayload<"expire_checkout">): Promise<void> {
  const order = await prisma.order.findUnique({ where: { id: orderId }, select: { status: true, paymentProvider: true, paymentRef: true } });
  if (!order || order.status !== "pending" || !order.paymentProvider) return;
  const provider = await paymentProviderNamed(order.paymentProvider);
  if (!provider) return;
  for (const checkoutRef of new Set([sessionId, order.paymentRef ?? sessionId])) {
    await provider.expireCheckout({ orderId, checkoutRef });
  }
}
