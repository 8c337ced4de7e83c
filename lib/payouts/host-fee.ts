import "server-only";
import { z } from "zod";
import { assertAdmin, type Actor } from "@/lib/admin/authorize";
import { writeAudit } from "@/lib/admin/audit";
import { AdminError } from "@/lib/admin/errors";
import { assertPlatform } from "@/lib/admin/host-scope";
import { inTransaction } from "@/lib/db/transaction";
import { isUuid } from "@/lib/ids";
import { feeRefusal, FIXED_MINOR_MAX, optionalWhole, PERCENT_BP_MAX } from "./fee-rule";

// The platform's fee for one host (docs/decisions/0020), set by the platform admin: basis
// points of a payment and/or a fixed amount per ticket; both empty: the platform's figures.
// A fee that would take more than the host's cheapest paid place is refused when it is set
// (a place priced later below it is still charged at most its total: platform_fee_minor caps).

export const ZHostFee = z.object({
  feePercentBp: optionalWhole(PERCENT_BP_MAX, "The percentage (in basis points)"),
  feeFixedMinor: optionalWhole(FIXED_MINOR_MAX, "The fixed fee"),
});

export async function setHostFee(options: { actor: Actor | null; hostId: string; input: unknown }): Promise<{ feePercentBp: number | null; feeFixedMinor: number | null }> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.hostId)) throw new AdminError("not_found", "This host does not exist");
  assertPlatform(actor);
  const parsed = ZHostFee.safeParse(options.input);
  if (!parsed.success) {
    throw new AdminError("validation_failed", "Check the highlighted fields.", Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
  }
  const fee = parsed.data;
  return inTransaction(async (tx) => {
    // The host's row lock: a concurrent save of the same host waits and is checked afresh.
    const [host] = await tx.$queryRaw<{ id: string; fee_percent_bp: number | null; fee_fixed_minor: number | null }[]>`
      SELECT id, fee_percent_bp, fee_fixed_minor FROM hosts WHERE id = ${options.hostId}::uuid FOR UPDATE`;
    if (!host) throw new AdminError("not_found", "This host does not exist");
    // FOR SHARE: a platform default being changed meanwhile (platform-fee.ts) is waited for and read as it ends.
    const [settings] = await tx.$queryRaw<{ fee_percent_bp: number; fee_fixed_minor: number }[]>`SELECT fee_percent_bp, fee_fixed_minor FROM platform_settings FOR SHARE`;
    const refusal = await feeRefusal(tx, host.id, fee.feePercentBp ?? settings.fee_percent_bp, fee.feeFixedMinor ?? settings.fee_fixed_minor);
    if (refusal) {
      throw new AdminError("validation_failed", `${refusal.message}: the host's cheapest ticket costs ${refusal.price}. Nothing was changed.`, {
        [fee.feeFixedMinor !== null ? "feeFixedMinor" : "feePercentBp"]: `More than the cheapest ticket (${refusal.price})`,
      });
    }
    await tx.host.update({ where: { id: host.id }, data: { feePercentBp: fee.feePercentBp, feeFixedMinor: fee.feeFixedMinor } });
    await writeAudit(tx, { actor, action: "host.fee", entityType: "host", entityId: host.id, before: { feePercentBp: host.fee_percent_bp, feeFixedMinor: host.fee_fixed_minor }, after: fee });
    return fee;
  });
}
