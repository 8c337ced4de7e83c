import "server-only";
import { z } from "zod";
import { assertAdmin, type Actor } from "@/lib/admin/authorize";
import { writeAudit } from "@/lib/admin/audit";
import { AdminError } from "@/lib/admin/errors";
import { assertPlatform } from "@/lib/admin/host-scope";
import { inTransaction } from "@/lib/db/transaction";
import { isUuid } from "@/lib/ids";
import { basisPointsOfMinor, formatMoney } from "@/lib/money";

// The platform's fee for one host (docs/decisions/0020), set by the platform admin: basis
// points of a payment and/or a fixed amount per ticket; both empty: the platform's figures.
// A fee that would take more than the host's cheapest paid place is refused when it is set
// (a place priced later below it is still charged at most its total: platform_fee_minor caps).

const optionalWhole = (max: number, label: string) =>
  z.preprocess((value) => (value === "" || value === undefined || value === null ? null : Number(value)),
    z.number({ error: `${label} must be a whole number` }).int(`${label} must be a whole number`).min(0, `${label} cannot be negative`).max(max, `${label} is at most ${max}`).nullable());

export const ZHostFee = z.object({
  feePercentBp: optionalWhole(10_000, "The percentage (in basis points)"),
  feeFixedMinor: optionalWhole(1_000_000, "The fixed fee"),
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
    const [settings] = await tx.$queryRaw<{ fee_percent_bp: number; fee_fixed_minor: number }[]>`SELECT fee_percent_bp, fee_fixed_minor FROM platform_settings`;
    const percentBp = fee.feePercentBp ?? settings.fee_percent_bp;
    const fixedMinor = fee.feeFixedMinor ?? settings.fee_fixed_minor;
    const cheapest = await tx.$queryRaw<{ price_minor: number; currency: string }[]>`
      SELECT price_minor, currency FROM (
        SELECT tt.price_minor, tt.currency FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id JOIN events e ON e.id = s.event_id
         WHERE e.host_id = ${host.id}::uuid AND e.status <> 'cancelled' AND tt.price_minor > 0
        UNION ALL
        SELECT r.price_minor_per_slot, r.currency FROM resources r JOIN events e ON e.id = r.event_id
         WHERE e.host_id = ${host.id}::uuid AND e.status <> 'cancelled' AND r.price_minor_per_slot > 0) p
       ORDER BY price_minor LIMIT 1`;
    const place = cheapest[0];
    // Uncapped on purpose: the cap at the total is for payments, not a licence to set a fee above the price.
    const onOnePlace = place ? basisPointsOfMinor(place.price_minor, percentBp) + fixedMinor : 0;
    if (place && onOnePlace > place.price_minor) {
      const price = formatMoney(place.price_minor, place.currency.trim());
      throw new AdminError("validation_failed", `This fee would take ${formatMoney(onOnePlace, place.currency.trim())} of a ${price} ticket, more than its price: the host's cheapest ticket costs ${price}. Nothing was changed.`, {
        [fee.feeFixedMinor !== null ? "feeFixedMinor" : "feePercentBp"]: `More than the cheapest ticket (${price})`,
      });
    }
    await tx.host.update({ where: { id: host.id }, data: { feePercentBp: fee.feePercentBp, feeFixedMinor: fee.feeFixedMinor } });
    await writeAudit(tx, { actor, action: "host.fee", entityType: "host", entityId: host.id, before: { feePercentBp: host.fee_percent_bp, feeFixedMinor: host.fee_fixed_minor }, after: fee });
    return fee;
  });
}
