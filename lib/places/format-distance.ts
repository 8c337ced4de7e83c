import { INTL_LOCALE, type Locale } from "@/lib/i18n/locales";

/**
 * A distance as a reader of `locale` writes it: metres under 1 km (to the 50 m: positions are
 * rounded to ~100 m anyway), kilometres with one decimal under 10 km, whole kilometres beyond.
 */
export function formatDistance(metres: number, locale: Locale): string {
  const intl = INTL_LOCALE[locale];
  if (metres < 950) {
    return new Intl.NumberFormat(intl, { style: "unit", unit: "meter", maximumFractionDigits: 0 }).format(Math.max(50, Math.round(metres / 50) * 50));
  }
  const km = metres / 1000;
  return new Intl.NumberFormat(intl, { style: "unit", unit: "kilometer", maximumFractionDigits: km < 9.95 ? 1 : 0 }).format(km);
}
