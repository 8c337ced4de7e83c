import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { assertAdmin, type Actor } from "../authorize";
import { writeAudit } from "../audit";
import { AdminError } from "../errors";
import { ZCreateVoucher } from "./schemas";
import { CHECK_FIELDS, isCodeTaken, validateVoucher, voucherColumns } from "./validate-voucher";
import { randomCode } from "./voucher-codes";
import { toVoucherView, type VoucherView } from "./voucher-view";

/** One voucher, with the code typed (any case) or drawn; audited in the same transaction. */
export async function createVoucher(options: { actor: Actor | null; input: unknown }): Promise<VoucherView> {
  const actor = await assertAdmin(options.actor);
  const input = await validateVoucher(actor, ZCreateVoucher, options.input);
  try {
    return await inTransaction(async (tx) => {
      const created = toVoucherView(await tx.voucher.create({ data: { ...voucherColumns(input), code: input.code ?? randomCode(), createdBy: actor.email, ...(input.hostId ? { hostId: input.hostId } : {}) } }));
      await writeAudit(tx, { actor, action: "voucher.create", entityType: "voucher", entityId: created.id, after: created });
      return created;
    });
  } catch (error) {
    if (isCodeTaken(error)) throw new AdminError("validation_failed", CHECK_FIELDS, { code: "Another voucher already has this code" });
    throw error;
  }
}
