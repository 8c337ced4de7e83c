import "server-only";
import { prisma } from "@/lib/db";
import { toCsv } from "@/lib/analytics/csv";
import { assertAdmin, type Actor } from "../authorize";
import { AdminError } from "../errors";
import { hostWhere } from "../host-scope";
import { toVoucherView } from "./voucher-view";

const iso = (instant: Date | null) => instant?.toISOString() ?? "";

/**
 * A batch's codes as CSV (to mail-merge or print), by code. Cells are formula-safe (csv.ts):
 * a note starting with "=" stays text in a spreadsheet.
 */
export async function exportVouchersCsv(options: { actor: Actor | null; tag: unknown }): Promise<{ filename: string; csv: string }> {
  const actor = await assertAdmin(options.actor);
  const tag = typeof options.tag === "string" ? options.tag.trim() : "";
  if (!tag) throw new AdminError("validation_failed", "Choose the batch to export.", { tag: "Choose the batch (tag) to export" });
  const rows = (await prisma.voucher.findMany({ where: { tag, ...hostWhere(actor) }, orderBy: { code: "asc" } })).map(toVoucherView);
  if (rows.length === 0) throw new AdminError("not_found", `No voucher has the tag “${tag}”.`);
  const csv = toCsv([
    ["code", "kind", "value", "currency", "max_uses", "uses", "max_per_buyer", "valid_from", "valid_until", "reveals_hidden", "tag", "note"],
    ...rows.map((voucher) => [
      voucher.code,
      voucher.kind,
      voucher.kind === "percent_off" ? voucher.value : (voucher.value / 100).toFixed(2),
      voucher.currency ?? "",
      voucher.maxUses,
      voucher.uses,
      voucher.maxPerBuyer ?? "",
      iso(voucher.validFrom),
      iso(voucher.validUntil),
      voucher.revealsHidden ? "yes" : "no",
      voucher.tag,
      voucher.note,
    ]),
  ]);
  return { filename: `vouchers-${tag.replace(/[^A-Za-z0-9_-]+/g, "-").slice(0, 60) || "batch"}.csv`, csv };
}
