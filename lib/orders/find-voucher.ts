import "server-only";
import { sql } from "@/lib/db";
import { normaliseVoucherCode, type VoucherOffer } from "./voucher";

type Row = {
  id: string;
  code: string;
  kind: VoucherOffer["kind"];
  value: number;
  currency: string | null;
  uses_left: number;
  max_per_buyer: number | null;
  valid_from: Date | null;
  valid_until: Date | null;
  event_ids: string[];
  ticket_type_ids: string[];
  reveals_hidden: boolean;
};

/**
 * The voucher a buyer typed (any case), as the quote reads it; null when there is no such code.
 * Read afresh for every quote (one indexed row): its uses are counted again under its lock in
 * the commit (order_voucher_refusal), so a read that is a moment old only decides the price shown.
 */
export async function findVoucher(typed: string): Promise<VoucherOffer | null> {
  const code = normaliseVoucherCode(typed);
  if (!code) return null;
  const [row] = await sql<Row>`
    SELECT id, code, kind::text AS kind, value, currency, max_uses - uses AS uses_left, max_per_buyer, valid_from, valid_until,
           event_ids::text[] AS event_ids, ticket_type_ids::text[] AS ticket_type_ids, reveals_hidden
      FROM vouchers WHERE code = ${code}`;
  if (!row) return null;
  return {
    id: row.id,
    code: row.code,
    kind: row.kind,
    value: row.value,
    currency: row.currency?.trim() ?? null,
    usesLeft: row.uses_left,
    maxPerBuyer: row.max_per_buyer,
    validFrom: row.valid_from ? new Date(row.valid_from).getTime() : null,
    validUntil: row.valid_until ? new Date(row.valid_until).getTime() : null,
    eventIds: row.event_ids ?? [],
    ticketTypeIds: row.ticket_type_ids ?? [],
    revealsHidden: row.reveals_hidden,
  };
}
