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
