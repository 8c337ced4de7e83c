import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "@/lib/i18n/locales";

/** What a price of nothing reads as: a word, not "€0". */
const FREE: Record<Locale, string> = { en: "Free", pt: "Grátis", es: "Gratis", ca: "Gratuït", de: "Kostenlos" };

/** A price in minor units as a reader of `locale` writes it: "€12.50", "12,50 €", "12,50 €". Whole amounts drop the cents. */
export function formatMoney(minor: number, currency: string, locale: Locale = DEFAULT_LOCALE): string {
  if (minor === 0) return FREE[locale];
  return new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency, minimumFractionDigits: minor % 100 === 0 ? 0 : 2 }).format(minor / 100);
}
