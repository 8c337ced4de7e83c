import "server-only";
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { endHoldNow } from "@/lib/orders/end-hold-now";
import { confirmOrderPayment, type CompletionOutcome } from "@/lib/orders/transitions";
import { OrderError } from "@/lib/orders/errors";
import { isOrderBuyer, type OrderCaller } from "@/lib/orders/order-access";
import { usesLocalProvider } from "./provider";

export type LocalPaymentOutcome = "succeed" | "decline" | "late";

/**
 * The local provider's "Pay (test mode)" button. `decline` changes nothing (the buyer may
 * try again while the hold lasts); `late` first lets the hold run out, as if the payment
 * network had been slow, and then confirms, exercising the re-take or refund path.
 */
export async function payWithLocalProvider(options: {
  orderId: string;
  /** The order's buyer: its account, or a private link's holder (a guest). */
  caller: OrderCaller;
  outcome: LocalPaymentOutcome;
}): Promise<CompletionOutcome | { outcome: "declined"; orderId: string }> {
  // With Stripe configured, only Stripe may confirm payments; in production without Stripe,
  // only an operator's explicit UNSAFE_TEST_PAYMENTS lets this button mark orders paid.
  if (!usesLocalProvider()) throw new OrderError("not_found", "Order not found").says("orderNotFound");
  const order = await prisma.order.findUnique({ where: { id: options.orderId }, select: { id: true, userId: true, status: true } });
  if (!order || !(await isOrderBuyer(order, options.caller))) throw new OrderError("not_found", "Order not found").says("orderNotFound");
  if (options.outcome === "decline") return { outcome: "declined", orderId: options.orderId };
  if (options.outcome === "late") await endHoldNow(options.orderId);
  return confirmOrderPayment({ orderId: options.orderId, provider: "local", paymentRef: `local_${randomUUID()}` });
}
