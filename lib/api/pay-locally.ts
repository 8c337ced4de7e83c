import "server-only";
import { prisma } from "@/lib/db";
import { OrderError } from "@/lib/orders/errors";
import { payWithLocalProvider, type LocalPaymentOutcome } from "@/lib/payments/local-payment";
import { absoluteUrl } from "@/lib/http/json";
import type { LocalPayResponse } from "./schemas";
import { isUuid } from "@/lib/ids";

/**
 * The local test-mode provider's "Pay" for API clients: the same payWithLocalProvider as
 * the button on /orders/:id/pay. Throws OrderError not_found for someone else's order, an
 * unknown id, or when Stripe is configured (then only Stripe confirms payments).
 */
export async function payLocallyForApi(options: { orderId: string; userId: string; outcome: LocalPaymentOutcome; baseUrl: string }): Promise<LocalPayResponse> {
  // Not a UUID: unknown (the database would refuse the id rather than find nothing).
  if (!isUuid(options.orderId)) {
    throw new OrderError("not_found", "Order not found").says("orderNotFound");
  }
  const result = await payWithLocalProvider({ orderId: options.orderId, caller: { userId: options.userId, accessToken: null }, outcome: options.outcome });
  const order = await prisma.order.findUniqueOrThrow({ where: { id: options.orderId }, select: { status: true } });
  return {
    outcome: result.outcome,
    order: { id: options.orderId, status: order.status },
    links: { confirmation: absoluteUrl(options.baseUrl, `/api/orders/${options.orderId}/confirmation`) },
  };
}
