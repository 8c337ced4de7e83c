import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "@/lib/i18n/locales";

/** What a price of nothing reads as: a word, not "€0". */
const FREE: Record<Locale, string> = { en: "Free", pt: "Grátis", es: "Gratis", ca: "Gratuït", de: "Kostenlos" };

/** A price in minor units as a reader of `locale` writes it: "€12.50", "12,50 €", "12,50 €". Whole amounts drop the cents. */
export function formatMoney(minor: number, currency: string, locale: Locale = DEFAULT_LOCALE): string {
  if (minor === 0) return FREE[locale];
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency, minimumFractionDigits: minor % 100 === 0 ? 0 : 2 }).format(minor / 100);
}

/**
 * `percent`% of an amount in minor units, rounded half up to the minor unit: the one rounding
 * rule of discounts (prisma/functions/voucher_unit_price.sql computes the same). Integers only.
 */
export function percentOfMinor(amountMinor: number, percent: number): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0 || !Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new RangeError("percentOfMinor takes a non-negative whole amount and a whole percent 0..100");
  }
  return Math.floor((amountMinor * percent + 50) / 100);
}

/** Half up of `numerator / denominator` for non-negative integers: the rounding of every split below. */
function roundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** `bp` basis points (hundredths of a percent) of an amount, rounded half up: percentOfMinor's rule, finer. */
export function basisPointsOfMinor(amountMinor: number, bp: number): number {
  return Math.floor((amountMinor * bp + 5000) / 10_000);
}

/**
 * The platform's fee on a payment (docs/decisions/0020; prisma/functions/platform_fee_minor.sql
 * is the same): `percentBp` basis points of the total, rounded half up (percentOfMinor's rule
 * in hundredths of a percent), plus `fixedMinor` per place, never more than the total.
 */
export function platformFeeMinor(options: { totalMinor: number; places: number; percentBp: number; fixedMinor: number }): number {
  const { totalMinor, places, percentBp, fixedMinor } = options;
  if (![totalMinor, places, fixedMinor].every((n) => Number.isSafeInteger(n) && n >= 0) || !Number.isInteger(percentBp) || percentBp < 0 || percentBp > 10_000) {
    throw new RangeError("platformFeeMinor takes non-negative whole amounts and basis points 0..10000");
  }
  return Math.min(totalMinor, basisPointsOfMinor(totalMinor, percentBp) + fixedMinor * places);
}

/**
 * The part of the fee a refund gives back (prisma/functions/fee_refund_minor.sql is the same):
 * the fee in proportion to all that has been refunded, rounded half up, less what earlier
 * refunds took. Any sequence of partial refunds gives back the whole fee with the whole total.
 */
export function feeRefundMinor(options: { feeMinor: number; totalMinor: number; refundedBeforeMinor: number; refundMinor: number }): number {
  const { feeMinor, totalMinor, refundedBeforeMinor, refundMinor } = options;
  if (totalMinor <= 0) return 0;
  return roundHalfUp(feeMinor * (refundedBeforeMinor + refundMinor), totalMinor) - roundHalfUp(feeMinor * refundedBeforeMinor, totalMinor);
}
