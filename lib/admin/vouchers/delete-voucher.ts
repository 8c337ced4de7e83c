import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { isUuid } from "@/lib/ids";
import { assertAdmin, type Actor } from "../authorize";
import { assertRowInScope } from "../host-scope";
import { writeAudit } from "../audit";
import { AdminError } from "../errors";
import { toVoucherView } from "./voucher-view";

/**
 * Deletes a voucher that was never used: no places counted and no order placed with it (an
 * expired hold gives its places back, but its order still names the voucher, and the sales
 * figures per code read it). A used one is refused: end its validity to stop it instead.
 */
export async function deleteVoucher(options: { actor: Actor | null; voucherId: string }): Promise<void> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.voucherId)) throw new AdminError("not_found", "This voucher no longer exists.");
  await assertRowInScope(actor, "voucher", options.voucherId, "This voucher no longer exists.");
  await inTransaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ code: string; uses: number; orders: number }[]>`
      SELECT v.code, v.uses, (SELECT count(*)::int FROM orders o WHERE o.voucher_id = v.id) AS orders
        FROM vouchers v WHERE v.id = ${options.voucherId}::uuid FOR UPDATE OF v`;
    if (!locked) throw new AdminError("not_found", "This voucher no longer exists.");
    if (locked.uses > 0 || locked.orders > 0) {
      throw new AdminError("in_use", `${locked.code} was used by ${locked.orders} ${locked.orders === 1 ? "order" : "orders"}: it can't be deleted. To stop it, set “Valid until” to now.`);
    }
    const before = toVoucherView(await tx.voucher.delete({ where: { id: options.voucherId } }));
    await writeAudit(tx, { actor, action: "voucher.delete", entityType: "voucher", entityId: options.voucherId, before });
  });
}
