// A voucher as the quote reads it (issue 28), and what it does to a price. Pure and
// browser-safe: the buy panel shows the discounted total with the same arithmetic the commit
// checks (prisma/functions/voucher_unit_price.sql). Whether a code may still be used (its uses,
// a buyer's own limit) is only known for certain inside the commit, under the voucher's lock.
import { percentOfMinor } from "@/lib/money";

export type VoucherKind = "percent_off" | "amount_off" | "set_price";

export type VoucherOffer = {
  id: string;
  code: string;
  kind: VoucherKind;
  value: number;
  currency: string | null;
  /** Uses left when it was read (the commit counts them again). */
  usesLeft: number;
  maxPerBuyer: number | null;
  /** Instants in ms; null: open. */
  validFrom: number | null;
  validUntil: number | null;
  /** Empty: every event / every ticket type in scope. */
  eventIds: string[];
  ticketTypeIds: string[];
  revealsHidden: boolean;
};

export type VoucherProblem = "unknown" | "not_yet_valid" | "expired" | "used_up" | "not_applicable";

/** A code as typed (any case, spaces around) as stored; null when it cannot be a code. */
export function normaliseVoucherCode(input: string): string | null {
  const code = input.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9_-]{2,39}$/.test(code) ? code : null;
}

/** Does the voucher cover this ticket type of this event (scope and currency)? */
export function voucherCovers(voucher: VoucherOffer, eventId: string, type: { id: string; currency: string }): boolean {
  if (voucher.eventIds.length > 0 && !voucher.eventIds.includes(eventId)) return false;
  if (voucher.ticketTypeIds.length > 0 && !voucher.ticketTypeIds.includes(type.id)) return false;
  return voucher.kind === "percent_off" || voucher.currency === type.currency;
}

/** The price of one place under the voucher (never below zero). */
export function voucherUnitPrice(voucher: Pick<VoucherOffer, "kind" | "value">, listPriceMinor: number): number {
  switch (voucher.kind) {
    case "percent_off":
      return listPriceMinor - percentOfMinor(listPriceMinor, voucher.value);
    case "amount_off":
      return Math.max(0, listPriceMinor - voucher.value);
    case "set_price":
      return voucher.value;
  }
}

/** Why the voucher cannot be used at `now` at all (before looking at the basket), or null. */
export function voucherTimeProblem(voucher: VoucherOffer, now: number): VoucherProblem | null {
  if (voucher.validFrom !== null && now < voucher.validFrom) return "not_yet_valid";
  if (voucher.validUntil !== null && now >= voucher.validUntil) return "expired";
  if (voucher.usesLeft <= 0) return "used_up";
  return null;
}
