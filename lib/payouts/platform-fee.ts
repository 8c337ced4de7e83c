import "server-only";
import { z } from "zod";
import { assertAdmin, type Actor } from "@/lib/admin/authorize";
import { writeAudit } from "@/lib/admin/audit";
import { AdminError } from "@/lib/admin/errors";
import { assertPlatform } from "@/lib/admin/host-scope";
import { prisma } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { feeRefusal, FIXED_MINOR_MAX, optionalWhole, PERCENT_BP_MAX } from "./fee-rule";

// The platform's default fee (`platform_settings`, docs/decisions/0020 and 0022), set by the
// platform admin: what every host without a fee of its own pays (per part: a host with only its
// own percentage takes the default's fixed amount). Refused, nothing changed, when it would take
// more than the cheapest paid place of any host that uses it (the per-host rule, fee-rule.ts);
// hosts with both parts of their own are not concerned. The platform's own host pays no fee.

const required = (max: number, label: string) => optionalWhole(max, label).refine((value) => value !== null, `${label} is needed`);

export const ZPlatformFee = z.object({
  feePercentBp: required(PERCENT_BP_MAX, "The percentage (in basis points)"),
  feeFixedMinor: required(FIXED_MINOR_MAX, "The fixed fee"),
});

export type PlatformFee = { feePercentBp: number; feeFixedMinor: number };

/** The platform's default fee as it stands. */
export async function getPlatformFee(): Promise<PlatformFee> {
  const settings = await prisma.platformSettings.findUniqueOrThrow({ where: { id: true }, select: { feePercentBp: true, feeFixedMinor: true } });
  return settings;
}

export async function setPlatformFee(options: { actor: Actor | null; input: unknown }): Promise<PlatformFee> {
  const actor = await assertAdmin(options.actor);
  assertPlatform(actor);
  const parsed = ZPlatformFee.safeParse(options.input);
  if (!parsed.success) {
    throw new AdminError("validation_failed", "Check the highlighted fields.", Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
  }
  const fee = { feePercentBp: parsed.data.feePercentBp!, feeFixedMinor: parsed.data.feeFixedMinor! };
  return inTransaction(async (tx) => {
    // The settings row's lock: a host's fee being set meanwhile reads the default FOR SHARE, so
    // one of the two waits for the other and checks what the other left.
    const [before] = await tx.$queryRaw<{ fee_percent_bp: number; fee_fixed_minor: number }[]>`
      SELECT fee_percent_bp, fee_fixed_minor FROM platform_settings FOR UPDATE`;
    const users = await tx.$queryRaw<{ id: string; name: string; fee_percent_bp: number | null; fee_fixed_minor: number | null }[]>`
      SELECT id, name, fee_percent_bp, fee_fixed_minor FROM hosts
       WHERE (fee_percent_bp IS NULL OR fee_fixed_minor IS NULL) AND slug <> 'local-tickets' ORDER BY name, id`;
    for (const host of users) {
      const refusal = await feeRefusal(tx, host.id, host.fee_percent_bp ?? fee.feePercentBp, host.fee_fixed_minor ?? fee.feeFixedMinor);
      if (!refusal) continue;
      throw new AdminError("validation_failed", `${refusal.message}: ${host.name} uses the platform's fee and its cheapest ticket costs ${refusal.price}. Nothing was changed.`, {
        [host.fee_fixed_minor === null && fee.feeFixedMinor > 0 ? "feeFixedMinor" : "feePercentBp"]: `More than ${host.name}'s cheapest ticket (${refusal.price})`,
      });
    }
    await tx.platformSettings.update({ where: { id: true }, data: { ...fee, updatedAt: new Date() } });
    await writeAudit(tx, { actor, action: "platform.fee", entityType: "platform", entityId: "platform_settings", before: { feePercentBp: before.fee_percent_bp, feeFixedMinor: before.fee_fixed_minor }, after: fee });
    return fee;
  });
}
