import "server-only";
import { prisma } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { isUuid } from "@/lib/ids";
import { assertAdmin, type Actor } from "../authorize";
import { writeAudit } from "../audit";
import { AdminError } from "../errors";
import { hostWhere } from "../host-scope";
import { ZUpdateVoucher } from "./schemas";
import { CHECK_FIELDS, isCodeTaken, validateVoucher, voucherColumns } from "./validate-voucher";
import { toVoucherView, voucherFormValues, type VoucherView } from "./voucher-view";

const GONE = "This voucher no longer exists.";

/**
 * Saves an edit of a voucher. `merge` (the JSON API's PATCH): the fields sent replace the
 * stored ones, the rest stay; `replace` (the form): the input is the whole voucher (an
 * unticked box is absent from a form). The use limit may not go below the places already
 * taken with it: checked under the voucher's row lock, the lock the commit counts uses under,
 * so no purchase slips in between (the table's CHECK uses <= max_uses guards it too).
 */
export async function updateVoucher(options: { actor: Actor | null; voucherId: string; input: unknown; mode?: "merge" | "replace" }): Promise<VoucherView> {
  const actor = await assertAdmin(options.actor);
  const stored = isUuid(options.voucherId) ? await prisma.voucher.findFirst({ where: { id: options.voucherId, ...hostWhere(actor) } }) : null;
  if (!stored) throw new AdminError("not_found", GONE);
  const body = options.input !== null && typeof options.input === "object" && !Array.isArray(options.input) ? options.input : {};
  const raw = options.mode === "replace" ? body : { ...voucherFormValues(toVoucherView(stored)), ...body };
  const input = await validateVoucher(actor, ZUpdateVoucher, raw);
  try {
    return await inTransaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ uses: number }[]>`SELECT uses FROM vouchers WHERE id = ${stored.id}::uuid FOR UPDATE`;
      if (!locked) throw new AdminError("not_found", GONE);
      if (input.maxUses < locked.uses) {
        throw new AdminError("validation_failed", CHECK_FIELDS, { maxUses: `${locked.uses} ${locked.uses === 1 ? "place has" : "places have"} used it already: the limit can't go below ${locked.uses}` });
      }
      const before = toVoucherView(await tx.voucher.findUniqueOrThrow({ where: { id: stored.id } }));
      const after = toVoucherView(await tx.voucher.update({ where: { id: stored.id }, data: { ...voucherColumns(input), code: input.code, hostId: input.hostId ?? stored.hostId } }));
      await writeAudit(tx, { actor, action: "voucher.update", entityType: "voucher", entityId: stored.id, before, after });
      return after;
    });
  } catch (error) {
    if (isCodeTaken(error)) throw new AdminError("validation_failed", CHECK_FIELDS, { code: "Another voucher already has this code" });
    throw error;
  }
}
