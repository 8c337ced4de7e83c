import { TZDate } from "@date-fns/tz";
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "@/lib/i18n/locales";

/** The wall-clock date (YYYY-MM-DD) and minute of day of an instant in a time zone. */
export function localDateAndMinute(instant: Date, timeZone: string): { date: string; minute: number } {
  const local = new TZDate(instant.getTime(), timeZone);
  const date = `${local.getFullYear()}-${String(local.getMonth() + 1).padStart(2, "0")}-${String(local.getDate()).padStart(2, "0")}`;
  return { date, minute: local.getHours() * 60 + local.getMinutes() };
}

/** The instant at which the clock in `timeZone` shows `date` (YYYY-MM-DD) and `minute` past midnight. */
export function instantAt(date: string, minute: number, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(new TZDate(year, month - 1, day, Math.floor(minute / 60), minute % 60, timeZone).getTime());
}

export function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** An instant on the clock of `timeZone` (the venue's), written as a reader of `locale` writes dates. */
export function formatInZone(instant: Date, timeZone: string, options: Intl.DateTimeFormatOptions, locale: Locale = DEFAULT_LOCALE): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone, ...options }).format(instant);
}

export function formatMinute(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

export function secondsUntil(instant: Date, now = new Date()): number {
  return Math.round((instant.getTime() - now.getTime()) / 1000);
}
