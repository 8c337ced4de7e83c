import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { assertAdmin, type Actor } from "../authorize";
import { writeAudit } from "../audit";
import { ZGenerateVouchers } from "./schemas";
import { validateVoucher, voucherColumns } from "./validate-voucher";
import { randomCodes } from "./voucher-codes";

export type GeneratedVouchers = { tag: string; count: number; codes: string[] };

/**
 * `count` (up to 5,000) new codes sharing every rule and a tag, in ONE transaction: each round
 * is one set-based INSERT … SELECT FROM unnest(codes) that skips a code already taken (by an
 * older voucher, or by a concurrent batch) and the next round draws the shortfall. One audit
 * entry names the batch (`tag:<tag>`) with its rules and count.
 */
export async function generateVouchers(options: { actor: Actor | null; input: unknown }): Promise<GeneratedVouchers> {
  const actor = await assertAdmin(options.actor);
  const input = await validateVoucher(actor, ZGenerateVouchers, options.input);
  const columns = voucherColumns(input);
  return inTransaction(async (tx) => {
    const codes: string[] = [];
    for (let round = 0; codes.length < input.count; round++) {
      if (round === 8) throw new Error("generateVouchers: could not draw unused codes");
      const drawn = randomCodes(input.count - codes.length, input.prefix, new Set(codes));
      const inserted = await tx.$queryRaw<{ code: string }[]>`
        INSERT INTO vouchers (code, kind, value, currency, max_uses, max_per_buyer, valid_from, valid_until, event_ids, ticket_type_ids, reveals_hidden, tag, note, created_by, host_id)
        SELECT drawn.code, ${columns.kind}::voucher_kind, ${columns.value}, ${columns.currency}, ${columns.maxUses}, ${columns.maxPerBuyer}::int,
               ${columns.validFrom}::timestamptz, ${columns.validUntil}::timestamptz, ${columns.eventIds}::uuid[], ${columns.ticketTypeIds}::uuid[],
               ${columns.revealsHidden}, ${columns.tag}, ${columns.note}, ${actor.email}, COALESCE(${input.hostId}::uuid, platform_host_id())
          FROM unnest(${drawn}::text[]) AS drawn(code)
        ON CONFLICT (code) DO NOTHING
        RETURNING code`;
      codes.push(...inserted.map((row) => row.code));
    }
    await writeAudit(tx, { actor, action: "voucher.generate", entityType: "voucher", entityId: `tag:${input.tag}`, after: { ...columns, count: codes.length, prefix: input.prefix } });
    return { tag: input.tag, count: codes.length, codes };
  });
}
