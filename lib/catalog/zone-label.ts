// Whether a reader needs a time's zone said (issue 33): cards list sessions in four cities,
// each on its venue's clock, ordered by the instant. "19:00" in Berlin before "18:30" in London
// is right, but reads as out of order unless the zone is said where it differs from the
// reader's own. Pure and browser-safe: the card's time runs it on the reader's phone.
import { DEFAULT_LOCALE, INTL_LOCALE, type Locale } from "@/lib/i18n/locales";

/** The wall clock of `instant` in `timeZone`, to compare two zones at that instant. */
function wallClock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}

/** True when the two zones show different clocks at `instant` (null reader: unknown, so say it). */
export function zoneDiffers(instant: Date, venueZone: string, readerZone: string | null): boolean {
  if (!readerZone) return true;
  try {
    return wallClock(instant, venueZone) !== wallClock(instant, readerZone);
  } catch {
    return true;
  }
}

/** The zone's short name at `instant` as the reader's language writes it: "GMT", "CET", "WET", "MEZ". */
export function zoneName(instant: Date, timeZone: string, locale: Locale = DEFAULT_LOCALE): string {
  const parts = new Intl.DateTimeFormat(INTL_LOCALE[locale], { timeZone, timeZoneName: "short" }).formatToParts(instant);
  return parts.find((part) => part.type === "timeZoneName")?.value ?? timeZone;
}
