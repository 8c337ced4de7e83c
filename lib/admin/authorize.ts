import "server-only";
import { actorOf, canAdminister, hostScope, type HostMembership, type HostScope } from "@/lib/auth/policy";
import type { SessionUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { AdminError } from "./errors";
import { isUuid } from "@/lib/ids";

/** Who is asking. Every function in lib/admin takes one and checks it first. */
export type Actor = Pick<SessionUser, "id" | "email" | "role"> & { memberships?: HostMembership[] };

/**
 * Who is asking, as the database says now: the stored role and host memberships, and the
 * hosts whose things they may see and change (`scope`: "all" for the platform admin, else the
 * hosts they own or manage; lib/admin/host-scope.ts turns it into where clauses).
 */
export type AdminActor = Actor & { memberships: HostMembership[]; scope: HostScope };

/**
 * Refuses anyone who may not use the dashboard (policy: `canAdminister`, the platform admin
 * and hosts' owners and managers). The session's role is checked AND the database's: a JWT
 * lives for weeks, so an admin who was demoted, or a member who was removed, must not keep
 * the dashboard until it expires. The refusal reads like "not found", so the admin area does
 * not reveal itself.
 */
export async function assertAdmin(actor: Actor | null | undefined): Promise<AdminActor> {
  if (!actor || !isUuid(actor.id)) throw new AdminError("forbidden", "Not found");
  const stored = await prisma.user.findUnique({
    where: { id: actor.id },
    select: { role: true, email: true, hostMemberships: { select: { hostId: true, role: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!stored) throw new AdminError("forbidden", "Not found");
  const checked = actorOf({ id: actor.id, role: stored.role, memberships: stored.hostMemberships });
  if (!canAdminister(checked)) throw new AdminError("forbidden", "Not found");
  return { id: actor.id, email: stored.email, role: stored.role, memberships: stored.hostMemberships, scope: hostScope(checked) };
}
