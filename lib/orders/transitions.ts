import "server-only";
import { sqlText } from "@/lib/db";
import type { Db, Tx } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import { countOrderOutcome } from "@/lib/ops/metrics";
import { currentRequestId } from "@/lib/ops/request-context";
import { OrderError } from "./errors";

// lib/orders is the one place that changes an order's status. Each transition is ONE call of
// a PostgreSQL function (migration 20261202000000_order_functions), which locks in the order
// of docs/decisions/0002 (the order row, its ticket types by id, its resources by id) and
// refuses any transition this table does not allow, changing nothing. Called with a `tx`, a
// transition joins the caller's transaction (an admin's audit entry, a webhook's event row).

export const ORDER_STATUSES = ["pending", "paid", "expired", "cancelled", "refund_required", "refunded"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Every allowed change of status, by transition. A new order starts `pending` (or `paid` when free). */
export const ORDER_TRANSITIONS = {
  /** Payment arrived: tickets issued; or the places are gone / the order was cancelled: money back. */
  confirmPayment: { pending: ["paid", "refund_required"], expired: ["paid", "refund_required"], cancelled: ["refund_required"] },
  /** The buyer walked away or the payment failed: held places back on sale. */
  release: { pending: ["expired"] },
  /** The event was cancelled before this order was paid. */
  cancelUnpaid: { pending: ["cancelled"], expired: ["cancelled"] },
  /** A full refund of a paid order (an admin's, or the event was cancelled). */
  refund: { paid: ["refund_required"] },
  /** The buyer cancels under the event's policy (lib/orders/cancel-order.ts): some tickets (stays paid) or all. */
  cancel: { pending: ["cancelled"], paid: ["paid", "refund_required"] },
  /** The payment provider paid the last refund the order owed. */
  markRefunded: { refund_required: ["refunded"] },
} as const satisfies Record<string, Partial<Record<OrderStatus, readonly OrderStatus[]>>>;
export type OrderTransition = keyof typeof ORDER_TRANSITIONS;

/** What a transition function answered: the new status, or why nothing changed. */
type FunctionResult = { outcome: OrderStatus | "unchanged" | "not_found"; from?: OrderStatus; status?: OrderStatus };

export type TransitionResult = { changed: true; from: OrderStatus; to: OrderStatus } | { changed: false; status: OrderStatus };

function settle(result: FunctionResult): TransitionResult {
  if (result.outcome === "not_found") throw new OrderError("not_found", "Order not found").says("orderNotFound");
  if (result.outcome === "unchanged") return { changed: false, status: result.status! };
  return { changed: true, from: result.from!, to: result.outcome };
}

/** In the caller's transaction when given one; else one statement on the driver (lib/db.ts `sql`). */
async function call(db: Db | undefined, query: Prisma.Sql): Promise<FunctionResult> {
  const [row] = db ? await db.$queryRaw<{ result: FunctionResult }[]>(query) : await sqlText<{ result: FunctionResult }>(query.text, query.values);
  return row.result;
}

export type PaymentConfirmation = { orderId: string; provider: string; paymentRef: string | null };
export type CompletionOutcome =
  | { outcome: "paid"; orderId: string }
  | { outcome: "refund_required"; orderId: string }
  | { outcome: "unchanged"; orderId: string; status: OrderStatus };

/**
 * Payment arrived (provider callback, webhook or browser return). Safe to call any number of
 * times: only the first call changes anything. When the hold had expired and the places are
 * gone, or the order was cancelled, the order is marked for a refund instead.
 */
export async function confirmOrderPayment(options: PaymentConfirmation, db?: Db): Promise<CompletionOutcome> {
  const result = await call(db, Prisma.sql`SELECT order_confirm_payment(${options.orderId}::uuid, ${options.provider}, ${options.paymentRef}, ${currentRequestId() ?? null}) AS result`);
  const settled = settle(result);
  if (!settled.changed) return { outcome: "unchanged", orderId: options.orderId, status: settled.status };
  countOrderOutcome(settled.to === "paid" ? "sold" : "refund_required");
  return { outcome: settled.to === "paid" ? "paid" : "refund_required", orderId: options.orderId };
}

/** pending → expired: give the held places back now instead of waiting for the hold to run out. */
export async function releasePendingOrder(orderId: string, db?: Db): Promise<TransitionResult> {
  const settled = settle(await call(db, Prisma.sql`SELECT order_release(${orderId}::uuid) AS result`));
  if (settled.changed) countOrderOutcome("expired");
  return settled;
}

/** pending | expired → cancelled: an unpaid order of a cancelled event; a late payment is refunded. */
export async function cancelUnpaidOrder(orderId: string, db?: Db): Promise<TransitionResult> {
  return settle(await call(db, Prisma.sql`SELECT order_cancel_unpaid(${orderId}::uuid) AS result`));
}

/** paid → refund_required: places back on sale, tickets void, refund job queued with the change. */
export async function refundPaidOrder(orderId: string, db?: Db): Promise<TransitionResult> {
  const settled = settle(await call(db, Prisma.sql`SELECT order_refund(${orderId}::uuid, ${currentRequestId() ?? null}) AS result`));
  if (settled.changed) countOrderOutcome("refund_required");
  return settled;
}

/** The provider paid refund `refundId`; refund_required → refunded when the order owes nothing more. */
export async function markOrderRefunded(orderId: string, refundId: string, db?: Db): Promise<TransitionResult> {
  const settled = settle(await call(db, Prisma.sql`SELECT order_mark_refunded(${orderId}::uuid, ${refundId}::uuid) AS result`));
  if (settled.changed) countOrderOutcome("refunded");
  return settled;
}

/**
 * Takes the order's row lock (step 1 of the lock order) for a caller that reads the order
 * before changing it in the same transaction, e.g. an admin's audit snapshot.
 */
export async function lockOrder(tx: Tx, orderId: string): Promise<OrderStatus | null> {
  const [row] = await tx.$queryRaw<{ status: OrderStatus }[]>`SELECT status::text AS status FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
  return row?.status ?? null;
}
