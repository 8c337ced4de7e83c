import "server-only";
import { checkInScope, isPlatformAdmin, type Actor } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import type { SessionUser } from "@/lib/auth/users";
import { DOOR_LIST_HORIZON_MS } from "./scan-window";

/** Who is at the door: an admin, a user with a staff grant (for one event or all), or a host's member (its events). `name` is what other doors are told. */
export type DoorStaff = { id: string; email: string; name: string; admin: boolean };

/** The door a check-in happens at: one session of an event. */
export type DoorSession = { id: string; eventId: string; eventTitle: string; startsAt: Date; endsAt: Date; venueName: string; timeZone: string; cancelled: boolean };

const sessionSelect = {
  id: true,
  eventId: true,
  startsAt: true,
  endsAt: true,
  cancelled: true,
  event: { select: { title: true } },
  venue: { select: { name: true, timeZone: true } },
} as const;

type SessionRow = { id: string; eventId: string; startsAt: Date; endsAt: Date; cancelled: boolean; event: { title: string }; venue: { name: string; timeZone: string } };

function toDoorSession(row: SessionRow): DoorSession {
  return { id: row.id, eventId: row.eventId, eventTitle: row.event.title, startsAt: row.startsAt, endsAt: row.endsAt, venueName: row.venue.name, timeZone: row.venue.timeZone, cancelled: row.cancelled };
}

/**
 * What `user` may check in (the policy's checkInScope): every event, some events, or nothing
 * (null). The role and the grants are read from the database on every call, like assertAdmin:
 * a revoked grant or a demotion takes effect at the next scan, not when a session expires.
 */
export async function doorScope(user: Pick<SessionUser, "id"> | null | undefined): Promise<{ staff: DoorStaff; eventIds: string[] | "all" } | null> {
  if (!user || !isUuid(user.id)) return null;
  const stored = await prisma.user.findUnique({ where: { id: user.id }, select: { email: true, name: true, role: true, hostMemberships: { select: { hostId: true, role: true } } } });
  if (!stored) return null;
  const actor: Actor = { userId: user.id, role: stored.role, memberships: stored.hostMemberships };
  const admin = isPlatformAdmin(actor);
  // An admin's scope does not depend on grants or hosts: no need to read them.
  const [grants, hostEvents] = admin
    ? [[], []]
    : await Promise.all([
        prisma.staffGrant.findMany({ where: { userId: user.id }, select: { eventId: true } }),
        stored.hostMemberships.length
          ? prisma.event.findMany({ where: { hostId: { in: stored.hostMemberships.map((member) => member.hostId) } }, select: { id: true, hostId: true } }).then((rows) => rows.map((row) => ({ eventId: row.id, hostId: row.hostId })))
          : [],
      ]);
  const eventIds = checkInScope(actor, grants, hostEvents);
  return eventIds ? { staff: { id: user.id, email: stored.email, name: stored.name, admin }, eventIds } : null;
}

/** The door staff and the session, when `user` may check tickets in at it; else null (answered as not found). */
export async function doorAccess(user: Pick<SessionUser, "id"> | null | undefined, sessionId: string): Promise<{ staff: DoorStaff; session: DoorSession } | null> {
  if (!isUuid(sessionId)) return null;
  const scope = await doorScope(user);
  if (!scope) return null;
  const row = await prisma.eventSession.findUnique({ where: { id: sessionId }, select: sessionSelect });
  if (!row) return null;
  if (scope.eventIds !== "all" && !scope.eventIds.includes(row.eventId)) return null;
  return { staff: scope.staff, session: toDoorSession(row) };
}

/** Sessions `user` may check in that are on now or soon: from 12 hours ago to 14 days ahead, soonest first. */
export async function listDoorSessions(user: Pick<SessionUser, "id"> | null | undefined, now = new Date()): Promise<DoorSession[] | null> {
  const scope = await doorScope(user);
  if (!scope) return null;
  const rows = await prisma.eventSession.findMany({
    where: {
      cancelled: false,
      endsAt: { gte: new Date(now.getTime() - 12 * 3600_000) },
      startsAt: { lte: new Date(now.getTime() + DOOR_LIST_HORIZON_MS) },
      ...(scope.eventIds === "all" ? {} : { eventId: { in: scope.eventIds } }),
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: 100,
    select: sessionSelect,
  });
  return rows.map(toDoorSession);
}
