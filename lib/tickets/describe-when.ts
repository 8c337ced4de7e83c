import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { formatInZone } from "@/lib/time";

const DAY: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
const TIME_WITH_ZONE: Intl.DateTimeFormatOptions = { ...TIME, timeZoneName: "short" };

/**
 * When something happens, on the venue's clock with its zone named, e.g.
 * "Friday, 5 March 2027, 20:30 WET" or, for a booked range, "Friday, 5 March 2027, 10:00–12:00 WET";
 * in `locale`'s words ("sexta-feira, 5 de março de 2027, 20:30 WET").
 */
export function describeWhen(options: { startsAt: Date; endsAt?: Date | null; timeZone: string; range?: boolean; locale?: Locale }): string {
  const { startsAt, endsAt, timeZone, range, locale = DEFAULT_LOCALE } = options;
  const format = (instant: Date, parts: Intl.DateTimeFormatOptions) => formatInZone(instant, timeZone, parts, locale);
  const day = format(startsAt, DAY);
  if (!range || !endsAt) return `${day}, ${format(startsAt, TIME_WITH_ZONE)}`;
  const sameDay = format(endsAt, DAY) === day;
  const end = sameDay ? format(endsAt, TIME_WITH_ZONE) : `${format(endsAt, DAY)}, ${format(endsAt, TIME_WITH_ZONE)}`;
  return `${day}, ${format(startsAt, TIME)}–${end}`;
}
