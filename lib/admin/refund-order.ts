import "server-only";
import { inTransaction, type Tx } from "@/lib/db/transaction";
import { enqueue } from "@/lib/orders/complete-order";
import { assertAdmin, type Actor } from "./authorize";
import { writeAudit } from "./audit";
import { AdminError } from "./errors";
import { snapshotOrder } from "./order-snapshot";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A full refund of a paid order, in ONE transaction: its places go back on sale (sold
 * counts decremented, bookings cancelled), its tickets stop being valid, and the order is
 * marked `refund_required` with a `refund_order` job (the job gives the money back through
 * the payment provider; it commits with this change or not at all).
 * Locks: the order, then its ticket types by id, then its resources by id (docs/decisions/0002).
 */
export async function refundOrder(options: { actor: Actor | null; orderId: string }): Promise<{ status: "refund_required" }> {
  const actor = await assertAdmin(options.actor);
  if (!UUID.test(options.orderId)) throw new AdminError("not_found", "This order does not exist");
  return inTransaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM orders WHERE id = ${options.orderId}::uuid FOR UPDATE`;
    if (!order) throw new AdminError("not_found", "This order does not exist");
    if (order.status === "refund_required" || order.status === "refunded") throw new AdminError("not_refundable", "This order has already been refunded.");
    if (order.status !== "paid") throw new AdminError("not_refundable", `Only a paid order can be refunded; this one is ${order.status}.`);
    await lockPlacesOfOrder(tx, options.orderId);
    const before = await snapshotOrder(tx, options.orderId);
    await releaseAndRefundLockedOrder(tx, options.orderId);
    await writeAudit(tx, { actor, action: "order.refund", entityType: "order", entityId: options.orderId, before, after: await snapshotOrder(tx, options.orderId) });
    return { status: "refund_required" as const };
  });
}

/** Ticket types by id, then resources by id: the lock order of every purchase. */
export async function lockPlacesOfOrder(tx: Tx, orderId: string): Promise<void> {
  await tx.$queryRaw`
    SELECT id FROM ticket_types WHERE id IN (SELECT ticket_type_id FROM order_items WHERE order_id = ${orderId}::uuid) ORDER BY id FOR UPDATE`;
  await tx.$queryRaw`
    SELECT id FROM resources WHERE id IN (SELECT resource_id FROM bookings WHERE order_id = ${orderId}::uuid) ORDER BY id FOR UPDATE`;
}

/**
 * The refund of a paid order whose row, ticket types and resources the caller has locked:
 * places released, tickets void, order `refund_required`, refund job queued.
 */
export async function releaseAndRefundLockedOrder(tx: Tx, orderId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE ticket_types tt SET sold = tt.sold - x.quantity
      FROM (SELECT ticket_type_id, sum(quantity)::int AS quantity FROM order_items
             WHERE order_id = ${orderId}::uuid AND status = 'sold' GROUP BY ticket_type_id) x
     WHERE tt.id = x.ticket_type_id`;
  await tx.$executeRaw`UPDATE order_items SET status = 'cancelled' WHERE order_id = ${orderId}::uuid AND status = 'sold'`;
  await tx.$executeRaw`UPDATE bookings SET status = 'cancelled' WHERE order_id = ${orderId}::uuid AND status IN ('held', 'sold')`;
  await tx.$executeRaw`UPDATE tickets SET status = 'void' WHERE order_id = ${orderId}::uuid`;
  await tx.$executeRaw`UPDATE orders SET status = 'refund_required' WHERE id = ${orderId}::uuid`;
  await enqueue(tx, "refund_order", orderId);
}
