import "server-only";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { OrderError } from "@/lib/orders/errors";
import { paymentProvider } from "./provider";

/**
 * "Continue to payment" on a pending order: back to where its buyer pays, with the provider
 * new payments go to (Stripe: the order's open Checkout session, or a new one while the
 * hold lasts; the local provider: its test page). Only the buyer's own order (anyone
 * else's, or an unknown id: not found). An order no longer pending has nothing to pay: its page.
 */
export async function resumeCheckout(options: { orderId: string; userId: string }): Promise<{ url: string }> {
  const order = isUuid(options.orderId)
    ? await prisma.order.findUnique({
        where: { id: options.orderId },
        select: { id: true, userId: true, reference: true, status: true, totalMinor: true, currency: true, holdExpiresAt: true },
      })
    : null;
  if (!order || order.userId !== options.userId) throw new OrderError("not_found", "Order not found").says("orderNotFound");
  if (order.status !== "pending") return { url: `/orders/${order.id}` };
  return (await paymentProvider()).startCheckout(order);
}
