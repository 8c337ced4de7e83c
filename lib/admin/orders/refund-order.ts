import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { lockOrder, refundPaidOrder } from "@/lib/orders/transitions";
import { assertAdmin, type Actor } from "../authorize";
import { assertRowInScope } from "../host-scope";
import { writeAudit } from "../audit";
import { AdminError } from "../errors";
import { snapshotOrder } from "./order-snapshot";
import { isUuid } from "@/lib/ids";


/**
 * An admin's full refund of a paid order: authorised here, changed by lib/orders
 * (`refundPaidOrder`: places back on sale, tickets void, `refund_required` with its refund
 * job), audited in the same transaction. The order row is locked first, so the audit's
 * "before" is the state the refund changed.
 */
export async function refundOrder(options: { actor: Actor | null; orderId: string }): Promise<{ status: "refund_required" }> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.orderId)) throw new AdminError("not_found", "This order does not exist");
  await assertRowInScope(actor, "order", options.orderId, "This order does not exist");
  return inTransaction(async (tx) => {
    const status = await lockOrder(tx, options.orderId);
    if (!status) throw new AdminError("not_found", "This order does not exist");
    if (status === "refund_required" || status === "refunded") throw new AdminError("not_refundable", "This order has already been refunded.");
    if (status !== "paid") throw new AdminError("not_refundable", `Only a paid order can be refunded; this one is ${status}.`);
    const before = await snapshotOrder(tx, options.orderId);
    await refundPaidOrder(options.orderId, tx);
    await writeAudit(tx, { actor, action: "order.refund", entityType: "order", entityId: options.orderId, before, after: await snapshotOrder(tx, options.orderId) });
    return { status: "refund_required" as const };
  });
}
