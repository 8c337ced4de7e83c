import { formatInZone } from "@/lib/time";

const DAY: Intl.DateTimeFormatOptions = { weekday: "long", day: "numeric", month: "long", year: "numeric" };
const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
const TIME_WITH_ZONE: Intl.DateTimeFormatOptions = { ...TIME, timeZoneName: "short" };

/**
 * When something happens, on the venue's clock with its zone named, e.g.
 * "Friday, 5 March 2027, 20:30 WET" or, for a booked range, "Friday, 5 March 2027, 10:00–12:00 WET".
 */
export function describeWhen(options: { startsAt: Date; endsAt?: Date | null; timeZone: string; range?: boolean }): string {
  const { startsAt, endsAt, timeZone, range } = options;
  const day = formatInZone(startsAt, timeZone, DAY);
  if (!range || !endsAt) return `${day}, ${formatInZone(startsAt, timeZone, TIME_WITH_ZONE)}`;
  const sameDay = formatInZone(endsAt, timeZone, DAY) === day;
  const end = sameDay
    ? formatInZone(endsAt, timeZone, TIME_WITH_ZONE)
    : `${formatInZone(endsAt, timeZone, DAY)}, ${formatInZone(endsAt, timeZone, TIME_WITH_ZONE)}`;
  return `${day}, ${formatInZone(startsAt, timeZone, TIME)}–${end}`;
}
