import "server-only";
import { prisma } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/ids";
import { assertAdmin, type Actor, type AdminActor } from "../authorize";
import { hostSql } from "../host-scope";
import { AdminError } from "../errors";

export type SessionDoorFigures = {
  sessionId: string;
  eventId: string;
  eventTitle: string;
  startsAt: Date;
  timeZone: string;
  venueName: string;
  /** Valid tickets of paid orders: who may come in. */
  sold: number;
  checkedIn: number;
  conflicts: number;
};

type FiguresRow = { session_id: string; event_id: string; title: string; starts_at: Date; time_zone: string; venue_name: string; sold: bigint; checked_in: bigint; conflicts: bigint };

function figuresSql(actor: AdminActor, where: ReturnType<typeof whereSessions>) {
  return prisma.$queryRaw<FiguresRow[]>`
    SELECT s.id AS session_id, e.id AS event_id, e.title, s.starts_at, v.time_zone, v.name AS venue_name,
           (SELECT count(*) FROM ticket_types tt JOIN tickets t ON t.ticket_type_id = tt.id JOIN orders o ON o.id = t.order_id
             WHERE tt.session_id = s.id AND t.status = 'valid' AND o.status = 'paid') AS sold,
           (SELECT count(*) FROM check_ins c WHERE c.session_id = s.id AND c.undone_at IS NULL) AS checked_in,
           (SELECT count(*) FROM check_in_conflicts k WHERE k.session_id = s.id) AS conflicts
      FROM event_sessions s
      JOIN events e ON e.id = s.event_id
      JOIN venues v ON v.id = s.venue_id
     WHERE ${where} AND ${hostSql(actor, Prisma.sql`e.host_id`)}
     ORDER BY s.starts_at, s.id
     LIMIT 100`;
}

function whereSessions(options: { sessionId?: string; from?: Date; to?: Date }) {
  if (options.sessionId) return Prisma.sql`s.id = ${options.sessionId}::uuid`;
  return Prisma.sql`s.cancelled = false AND s.ends_at >= ${options.from} AND s.starts_at <= ${options.to}`;
}

function toFigures(row: FiguresRow): SessionDoorFigures {
  return {
    sessionId: row.session_id,
    eventId: row.event_id,
    eventTitle: row.title,
    startsAt: row.starts_at,
    timeZone: row.time_zone,
    venueName: row.venue_name,
    sold: Number(row.sold),
    checkedIn: Number(row.checked_in),
    conflicts: Number(row.conflicts),
  };
}

/** Sessions at the door lately and soon (from 2 days ago to 14 days ahead), with checked in / sold. */
export async function listDoorFigures(options: { actor: Actor; now?: Date }): Promise<SessionDoorFigures[]> {
  const actor = await assertAdmin(options.actor);
  const now = options.now ?? new Date();
  const rows = await figuresSql(actor, whereSessions({ from: new Date(now.getTime() - 2 * 86_400_000), to: new Date(now.getTime() + 14 * 86_400_000) }));
  return rows.map(toFigures);
}

export type SessionCheckIns = SessionDoorFigures & {
  checkIns: { id: string; ticketId: string; holderName: string; ticketTypeName: string; orderReference: string; staffEmail: string; door: string; scannedAt: Date; offline: boolean; undoneAt: Date | null; undoneBy: string | null }[];
  conflictList: { id: string; holderName: string; orderReference: string; staffEmail: string; door: string; scannedAt: Date; reason: string; standing: { door: string; staffEmail: string; scannedAt: Date } | null }[];
};

/** One session's door: the figures, every check-in (newest first, undone ones too) and the conflicts. */
export async function getSessionCheckIns(options: { actor: Actor; sessionId: string }): Promise<SessionCheckIns> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.sessionId)) throw new AdminError("not_found", "Session not found");
  const [row] = await figuresSql(actor, whereSessions({ sessionId: options.sessionId }));
  if (!row) throw new AdminError("not_found", "Session not found");
  const ticket = { select: { holderName: true, ticketType: { select: { name: true } }, order: { select: { reference: true } } } } as const;
  const [checkIns, conflicts] = await Promise.all([
    prisma.checkIn.findMany({ where: { sessionId: options.sessionId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 500 }),
    prisma.checkInConflict.findMany({ where: { sessionId: options.sessionId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 200 }),
  ]);
  const ticketIds = [...new Set([...checkIns, ...conflicts].map((entry) => entry.ticketId))];
  const tickets = new Map((await prisma.ticket.findMany({ where: { id: { in: ticketIds } }, select: { id: true, ...ticket.select } })).map((entry) => [entry.id, entry]));
  const standing = new Map(checkIns.map((entry) => [entry.id, entry]));
  return {
    ...toFigures(row),
    checkIns: checkIns.map((entry) => ({
      id: entry.id,
      ticketId: entry.ticketId,
      holderName: tickets.get(entry.ticketId)?.holderName ?? "",
      ticketTypeName: tickets.get(entry.ticketId)?.ticketType?.name ?? "Ticket",
      orderReference: tickets.get(entry.ticketId)?.order.reference ?? "",
      staffEmail: entry.staffEmail,
      door: entry.door,
      scannedAt: entry.scannedAt,
      offline: entry.offline,
      undoneAt: entry.undoneAt,
      undoneBy: entry.undoneBy,
    })),
    conflictList: conflicts.map((entry) => {
      const won = entry.checkInId ? standing.get(entry.checkInId) : undefined;
      return {
        id: entry.id,
        holderName: tickets.get(entry.ticketId)?.holderName ?? "",
        orderReference: tickets.get(entry.ticketId)?.order.reference ?? "",
        staffEmail: entry.staffEmail,
        door: entry.door,
        scannedAt: entry.scannedAt,
        reason: entry.reason,
        standing: won ? { door: won.door, staffEmail: won.staffEmail, scannedAt: won.scannedAt } : null,
      };
    }),
  };
}
