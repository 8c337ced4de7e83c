// A voucher as the admin reads it (list, JSON API, audit) and as its form holds it. No
// server code here: the form component imports the types and `voucherFormValues`.
import type { VoucherKindName } from "./schemas";

export type VoucherView = {
  id: string;
  code: string;
  kind: VoucherKindName;
  /** percent_off: a whole percent; amount_off and set_price: minor units of `currency`. */
  value: number;
  currency: string | null;
  maxUses: number;
  /** Places of orders holding or having bought with it. */
  uses: number;
  maxPerBuyer: number | null;
  validFrom: Date | null;
  validUntil: Date | null;
  eventIds: string[];
  ticketTypeIds: string[];
  revealsHidden: boolean;
  tag: string;
  note: string;
  createdAt: Date;
  createdBy: string;
};

/** The row as Prisma reads it (char(3) currency padded to its width). */
export function toVoucherView(row: Omit<VoucherView, "kind" | "currency"> & { kind: string; currency: string | null }): VoucherView {
  return {
    id: row.id, code: row.code, kind: row.kind as VoucherKindName, value: row.value, currency: row.currency?.trim() ?? null,
    maxUses: row.maxUses, uses: row.uses, maxPerBuyer: row.maxPerBuyer, validFrom: row.validFrom, validUntil: row.validUntil,
    eventIds: row.eventIds, ticketTypeIds: row.ticketTypeIds, revealsHidden: row.revealsHidden, tag: row.tag, note: row.note,
    createdAt: row.createdAt, createdBy: row.createdBy,
  };
}

export type VoucherFormValues = {
  code: string;
  kind: VoucherKindName;
  value: string;
  currency: string;
  maxUses: string;
  maxPerBuyer: string;
  /** `YYYY-MM-DDTHH:mm`, UTC (what a datetime-local input holds). */
  validFrom: string;
  validUntil: string;
  eventIds: string[];
  ticketTypeIds: string[];
  revealsHidden: boolean;
  tag: string;
  note: string;
};

export const EMPTY_VOUCHER: VoucherFormValues = {
  code: "", kind: "percent_off", value: "", currency: "EUR", maxUses: "1", maxPerBuyer: "", validFrom: "", validUntil: "",
  eventIds: [], ticketTypeIds: [], revealsHidden: false, tag: "", note: "",
};

const utcLocal = (instant: Date | null) => (instant ? instant.toISOString().slice(0, 16) : "");

/** What the edit form shows, and what a PATCH merges its body over (the schema reads both). */
export function voucherFormValues(voucher: VoucherView): VoucherFormValues {
  return {
    code: voucher.code,
    kind: voucher.kind,
    value: voucher.kind === "percent_off" ? String(voucher.value) : (voucher.value / 100).toFixed(2),
    currency: voucher.currency ?? "",
    maxUses: String(voucher.maxUses),
    maxPerBuyer: voucher.maxPerBuyer === null ? "" : String(voucher.maxPerBuyer),
    validFrom: utcLocal(voucher.validFrom),
    validUntil: utcLocal(voucher.validUntil),
    eventIds: voucher.eventIds,
    ticketTypeIds: voucher.ticketTypeIds,
    revealsHidden: voucher.revealsHidden,
    tag: voucher.tag,
    note: voucher.note,
  };
}

/** "10% off", "€5.00 off", "€0.00 (set price)". */
export function describeVoucherValue(voucher: Pick<VoucherView, "kind" | "value" | "currency">): string {
  if (voucher.kind === "percent_off") return `${voucher.value}% off`;
  const amount = `${voucher.currency ?? ""} ${(voucher.value / 100).toFixed(2)}`.trim();
  return voucher.kind === "amount_off" ? `${amount} off` : `${amount} (set price)`;
}
