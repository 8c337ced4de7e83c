"use client";
import { useLocale } from "next-intl";
import { useSyncExternalStore } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { zoneDiffers, zoneName } from "@/lib/catalog/zone-label";
import { formatInZone } from "@/lib/time";

const noSubscription = () => () => {};
const readerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/**
 * A session's day and time on the venue's clock, with the zone said ("19:00 CET") where the
 * reader's clock differs at that instant: listings are ordered by the instant, and times of
 * four cities read as out of order without it. The server does not know the reader's zone, so
 * its render says the zone; the reader's browser drops it where it would only repeat theirs.
 */
export function VenueTime({ startsAt, timeZone }: { startsAt: string; timeZone: string }) {
  const locale = useLocale() as Locale;
  const zone = useSyncExternalStore(noSubscription, readerZone, () => null);
  const instant = new Date(startsAt);
  const when = formatInZone(instant, timeZone, { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }, locale);
  return (
    <time dateTime={startsAt}>
      {when}
      {zoneDiffers(instant, timeZone, zone) ? <span data-testid="venue-zone"> {zoneName(instant, timeZone, locale)}</span> : null}
    </time>
  );
}
