// Admins type session times as the venue's wall clock; the database stores instants.
import { formatMinute, instantAt, localDateAndMinute } from "@/lib/time";

/** "2026-05-01T20:30" at the venue → the instant. */
export function localToInstant(local: string, timeZone: string): Date {
  const [date, time] = local.split("T");
  const [hours, minutes] = time.split(":").map(Number);
  return instantAt(date, hours * 60 + minutes, timeZone);
}

/** The instant → "2026-05-01T20:30" on the venue's clock (what datetime-local inputs show). */
export function instantToLocal(instant: Date, timeZone: string): string {
  const { date, minute } = localDateAndMinute(instant, timeZone);
  return `${date}T${formatMinute(minute)}`;
}
