import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AvailabilityFilter, SessionAvailability } from "./types";

type Row = {
  session_id: string;
  event_id: string;
  change_number: bigint;
  deleted: boolean;
  public: boolean;
  cancelled: boolean;
  remaining: number;
  ticket_types: { id: string; remaining: number }[] | null;
};

/**
 * The current figures of the sessions matching `filter` whose feed position is after
 * `afterChangeNumber`, in feed order: what a stream sends on (re)connect to catch up, and what
 * the polling endpoint returns. Read from the stored figures (never counted from orders).
 * Deleted sessions appear as `deleted`; sessions of draft events as `public: false`.
 */
export async function readAvailability(options: {
  filter: AvailabilityFilter;
  afterChangeNumber?: number;
  limit?: number;
}): Promise<SessionAvailability[]> {
  const { filter } = options;
  const conditions = [Prisma.sql`f.change_number > ${BigInt(options.afterChangeNumber ?? 0)}`];
  if (filter.eventId) conditions.push(Prisma.sql`f.event_id = ${filter.eventId}::uuid`);
  if (filter.sessionIds) conditions.push(Prisma.sql`f.session_id = ANY(${filter.sessionIds}::uuid[])`);
  const rows = await prisma.$queryRaw<Row[]>`
    SELECT f.session_id, f.event_id, f.change_number,
           s.id IS NULL AS deleted,
           coalesce(e.status <> 'draft', true) AS public,
           coalesce(s.cancelled, false) AS cancelled,
           coalesce(session_available(s.id), 0) AS remaining,
           (SELECT json_agg(json_build_object('id', tt.id, 'remaining', ticket_type_available(tt.id)) ORDER BY tt.sort_order, tt.id)
              FROM ticket_types tt WHERE tt.session_id = s.id AND NOT tt.hidden) AS ticket_types
      FROM session_feed_items f
      LEFT JOIN event_sessions s ON s.id = f.session_id AND f.deleted_at IS NULL
      LEFT JOIN events e ON e.id = s.event_id
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY f.change_number
     LIMIT ${options.limit ?? 500}`;
  return rows.map((row) => ({
    sessionId: row.session_id,
    eventId: row.event_id,
    changeNumber: Number(row.change_number),
    deleted: row.deleted,
    public: row.public,
    cancelled: row.cancelled,
    remaining: row.remaining,
    ticketTypes: row.deleted ? [] : (row.ticket_types ?? []),
  }));
}

/** The newest feed position: a stream that needs no catch-up starts from here. */
export async function currentChangeNumber(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ last: bigint | null }[]>`SELECT max(change_number) AS last FROM session_feed_items`;
  return Number(row?.last ?? 0);
}
