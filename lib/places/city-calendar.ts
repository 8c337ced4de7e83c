import "server-only";
import { prisma } from "@/lib/db";
import { buildIcsCalendar } from "@/lib/catalog/ics";
import { localePath } from "@/lib/i18n/paths";
import type { Locale } from "@/lib/i18n/locales";
import { getCityBySlug } from "./places";

/** A subscribed calendar holds the coming months, not the whole future. */
const HORIZON_DAYS = 180;
const MAX_SESSIONS = 500;
/** Calendar apps refetch a subscription at their own pace; this asks for a few times a day. */
const REFRESH_MINUTES = 360;

type Row = { id: string; starts_at: Date; ends_at: Date; slug: string; title: string; summary: string; venue_name: string; address: string };

/**
 * The public .ics of a city's upcoming sessions (published events, not cancelled, the next
 * six months, at most 500), titles in `locale` where translated; null for an unknown city.
 */
export async function cityCalendar(slug: string, locale: Locale, appUrl: string, now = new Date()): Promise<{ city: string; ics: string } | null> {
  const city = await getCityBySlug(slug);
  if (!city) return null;
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT s.id, s.starts_at, s.ends_at, e.slug, coalesce(tr.title, e.title) AS title, coalesce(tr.summary, e.summary) AS summary,
           v.name AS venue_name, v.address
      FROM event_sessions s
      JOIN events e ON e.id = s.event_id
      JOIN venues v ON v.id = s.venue_id
      LEFT JOIN event_translations tr ON tr.event_id = e.id AND tr.locale = ${locale} AND tr.locale <> e.language
     WHERE v.city = ${city.name} AND e.status = 'published' AND NOT s.cancelled
       AND s.ends_at > ${now}::timestamptz AND s.starts_at < ${new Date(now.getTime() + HORIZON_DAYS * 86_400_000)}::timestamptz
     ORDER BY s.starts_at, s.id
     LIMIT ${MAX_SESSIONS}`;
  const ics = buildIcsCalendar(
    rows.map((row) => ({
      event: { title: row.title, summary: row.summary, slug: row.slug, venueName: row.venue_name, address: row.address, path: localePath(locale, `/events/${row.slug}`) },
      session: { id: row.id, startsAt: row.starts_at, endsAt: row.ends_at },
    })),
    appUrl,
    { now, name: city.name, refreshMinutes: REFRESH_MINUTES },
  );
  return { city: city.name, ics };
}
