import "server-only";
import { actorOf, canCancelOrder } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/users";
import { prisma, sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { countOrderOutcome } from "@/lib/ops/metrics";
import { currentRequestId } from "@/lib/ops/request-context";
import { OrderError } from "./errors";
import { hasOrderAccess } from "./order-access";
import type { OrderStatus } from "./transitions";

// A buyer cancels under the event's policy (issue 29.1): the whole order, some of its tickets,
// or a booking. The rule, the refund figure and the places going back are ONE SQL call
// (prisma/functions/order_cancel.sql) under the order's lock; the refund job it commits pays
// the money back through the provider (lib/payments/refund-and-notify.ts).

type Answer =
  | { ok: true; status: OrderStatus; cancelled: number; refundId?: string; refundMinor: number; feeMinor: number }
  | { ok: false; code: "not_found" | "closed" | "not_allowed" | "too_late" | "ticket_not_found" | "checked_in"; until?: string; status?: OrderStatus };

export type Cancellation = { status: OrderStatus; cancelled: number; refundMinor: number; feeMinor: number };

/**
 * Cancels tickets `ticketIds` of order `orderId` (all of them when null) for a caller who may:
 * the buyer by account or private link, an admin. Anyone else is `not_found`. Refusals are
 * OrderErrors that say why; nothing changes.
 */
export async function cancelOrder(options: {
  orderId: string;
  ticketIds: string[] | null;
  viewer: SessionUser | null;
  accessToken?: string | null;
}): Promise<Cancellation> {
  const notFound = new OrderError("not_found", "Order not found").says("orderNotFound");
  if (!isUuid(options.orderId) || (options.ticketIds && !options.ticketIds.every(isUuid))) throw notFound;
  if (options.ticketIds?.length === 0) throw new OrderError("invalid", "Choose at least one ticket to cancel", "tickets").says("cancelChooseTickets");
  const order = await prisma.order.findUnique({ where: { id: options.orderId }, select: { userId: true, buyerEmail: true } });
  if (!order) throw notFound;
  const withAccessLink = !options.viewer || order.userId !== options.viewer.id ? await hasOrderAccess(options.orderId, options.accessToken) : false;
  if (!canCancelOrder(actorOf(options.viewer), order, { withAccessLink })) throw notFound;

  const [{ result }] = await sql<{ result: Answer }>`
    SELECT order_cancel(${options.orderId}::uuid, ${options.ticketIds}::uuid[], ${currentRequestId() ?? null}) AS result`;
  if (result.ok) {
    countOrderOutcome(result.status === "cancelled" ? "cancelled" : "cancelled_by_buyer");
    return { status: result.status, cancelled: result.cancelled, refundMinor: result.refundMinor, feeMinor: result.feeMinor };
  }
  switch (result.code) {
    case "not_found":
      throw notFound;
    case "ticket_not_found":
      throw new OrderError("not_found", "One of those tickets is not a valid ticket of this order", "tickets").says("ticketGone");
    case "closed":
      throw new OrderError("not_cancellable", `This order is ${result.status}: there is nothing to cancel`).says("cancelClosed");
    case "not_allowed":
      throw new OrderError("not_cancellable", "This event's tickets cannot be cancelled").says("cancelNotAllowed");
    case "checked_in":
      throw new OrderError("not_cancellable", "A ticket that has been used at the door cannot be cancelled").says("cancelCheckedIn");
    case "too_late":
      throw new OrderError("not_cancellable", `Cancellation was possible until ${result.until}`, undefined, undefined, undefined, undefined, { until: result.until }).says("cancelTooLate");
  }
}
