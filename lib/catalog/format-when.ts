// Dates as a buyer reads them on a phone: short, on the venue's clock, and with the year
// only when it is not this year (a date next January without its year reads as last January).
// A page that lists several dates decides once (yearNeeded) and passes `withYear` to each, so
// its dates read one way: "Fri, 18 Dec 2026" beside "Fri, 15 Jan 2027", not "Fri 18 Dec".
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { formatInZone } from "@/lib/time";

function yearIn(instant: Date, timeZone: string): string {
  return formatInZone(instant, timeZone, { year: "numeric" });
}

/** Whether any of `instants` falls in another year than `now` (venue time): then every date of the page shows its year. */
export function yearNeeded(instants: Date[], timeZone: string, now = new Date()): boolean {
  const thisYear = yearIn(now, timeZone);
  return instants.some((instant) => yearIn(instant, timeZone) !== thisYear);
}

/** "Fri 12 Jun", or "Fri, 8 Jan 2027" (en-GB puts the comma there) with the year (by default when not in the current year, venue time); "sex., 12/06" style in other locales. */
export function formatShortDay(instant: Date, timeZone: string, now = new Date(), locale: Locale = DEFAULT_LOCALE, withYear = yearNeeded([instant], timeZone, now)): string {
  return formatInZone(instant, timeZone, { weekday: "short", day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}) }, locale);
}

/** "Friday 12 June", or "Friday 8 January 2027" with the year (by default when not in the current year, venue time). */
export function formatLongDay(instant: Date, timeZone: string, now = new Date(), locale: Locale = DEFAULT_LOCALE, withYear = yearNeeded([instant], timeZone, now)): string {
  return formatInZone(instant, timeZone, { weekday: "long", day: "numeric", month: "long", ...(withYear ? { year: "numeric" } : {}) }, locale);
}

/** "20:30" on the venue's clock. */
export function formatTime(instant: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  return formatInZone(instant, timeZone, { hour: "2-digit", minute: "2-digit" }, locale);
}

/** "Fri 12 Jun, 20:30" (with the year when not this year). */
export function formatShortDayTime(instant: Date, timeZone: string, now = new Date(), locale: Locale = DEFAULT_LOCALE, withYear = yearNeeded([instant], timeZone, now)): string {
  return `${formatShortDay(instant, timeZone, now, locale, withYear)}, ${formatTime(instant, timeZone, locale)}`;
}
