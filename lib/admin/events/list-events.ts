import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin, type Actor } from "../authorize";
import { hostSql } from "../host-scope";

export type AdminEventRow = {
  id: string;
  slug: string;
  title: string;
  status: "draft" | "published" | "cancelled";
  version: number;
  venueName: string;
  city: string;
  nextStartsAt: Date | null;
  sessions: number;
  sold: number;
  capacity: number;
  bookable: boolean;
  updatedAt: Date;
};

export const ADMIN_EVENTS_PAGE_SIZE = 25;

/** Every event (drafts and cancelled too), most recently changed first; `q` matches the title or slug. */
export async function listAdminEvents(options: { actor: Actor | null; q?: string; status?: string; page?: number }) {
  const actor = await assertAdmin(options.actor);
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const q = options.q?.trim().slice(0, 100) ?? "";
  const status = ["draft", "published", "cancelled"].includes(options.status ?? "") ? options.status! : null;
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = Prisma.sql`
    WHERE (${q} = '' OR e.title ILIKE ${pattern} OR e.slug ILIKE ${pattern})
      AND (${status}::event_status IS NULL OR e.status = ${status}::event_status)
      AND ${hostSql(actor, Prisma.sql`e.host_id`)}`;
  const [rows, [{ total }]] = await Promise.all([
    prisma.$queryRaw<(Omit<AdminEventRow, "venueName" | "nextStartsAt" | "updatedAt"> & { venue_name: string; next_starts_at: Date | null; updated_at: Date })[]>`
      SELECT e.id, e.slug, e.title, e.status::text AS status, e.version, v.name AS venue_name, e.city, e.updated_at,
             x.next_starts_at, coalesce(x.sessions, 0)::int AS sessions, coalesce(x.sold, 0)::int AS sold, coalesce(x.capacity, 0)::int AS capacity,
             EXISTS (SELECT 1 FROM resources r WHERE r.event_id = e.id) AS bookable
        FROM (SELECT e.* FROM events e ${where}
               ORDER BY e.updated_at DESC, e.id
               LIMIT ${ADMIN_EVENTS_PAGE_SIZE} OFFSET ${(page - 1) * ADMIN_EVENTS_PAGE_SIZE}) e
        JOIN venues v ON v.id = e.venue_id
        -- Figures for this page's events only.
        LEFT JOIN LATERAL (
          SELECT min(s.starts_at) FILTER (WHERE s.starts_at > now()) AS next_starts_at,
                 count(DISTINCT s.id) AS sessions, sum(tt.sold) AS sold, sum(tt.capacity) AS capacity
            FROM event_sessions s LEFT JOIN ticket_types tt ON tt.session_id = s.id
           WHERE s.event_id = e.id AND NOT s.cancelled) x ON true
       ORDER BY e.updated_at DESC, e.id`,
    prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM events e ${where}`,
  ]);
  return {
    items: rows.map((row): AdminEventRow => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      status: row.status,
      version: row.version,
      venueName: row.venue_name,
      city: row.city,
      nextStartsAt: row.next_starts_at,
      sessions: row.sessions,
      sold: row.sold,
      capacity: row.capacity,
      bookable: row.bookable,
      updatedAt: row.updated_at,
    })),
    page,
    pageSize: ADMIN_EVENTS_PAGE_SIZE,
    total,
    pageCount: Math.max(1, Math.ceil(total / ADMIN_EVENTS_PAGE_SIZE)),
  };
}
