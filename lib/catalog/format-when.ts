// Dates as a buyer reads them on a phone: short, on the venue's clock, and with the year
// only when it is not this year (a date next January without its year reads as last January).
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { formatInZone } from "@/lib/time";

function yearIn(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone, { year: "numeric" });
}

/** "Fri 12 Jun", or "Fri, 8 Jan 2027" (en-GB puts the comma there) when not in the current year (venue time); "sex., 12/06" style in other locales. */
export function formatShortDay(instant: Date, timeZone: string, now = new Date(), locale: Locale = DEFAULT_LOCALE): string {
  const withYear = yearIn(instant, timeZone) !== yearIn(now, timeZone);
  return formatInZone(instant, timeZone, { weekday: "short", day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}) }, locale);
}

/** "Friday 12 June", or "Friday 8 January 2027" when not in the current year (venue time). */
export function formatLongDay(instant: Date, timeZone: string, now = new Date(), locale: Locale = DEFAULT_LOCALE): string {
  const withYear = yearIn(instant, timeZone) !== yearIn(now, timeZone);
  return formatInZone(instant, timeZone, { weekday: "long", day: "numeric", month: "long", ...(withYear ? { year: "numeric" } : {}) }, locale);
}

/** "20:30" on the venue's clock. */
export function formatTime(instant: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatInZone(instant, timeZone, { hour: "2-digit", minute: "2-digit" }, locale);
}

/** "Fri 12 Jun, 20:30" (with the year when not this year). */
export function formatShortDayTime(instant: Date, timeZone: string, now = new Date(), locale: Locale = DEFAULT_LOCALE): string {
  return `${formatShortDay(instant, timeZone, now, locale)}, ${formatTime(instant, timeZone, locale)}`;
}
