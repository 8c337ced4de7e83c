import "server-only";
import { assertAdmin, type Actor, type AdminActor } from "@/lib/admin/authorize";
import { AdminError } from "@/lib/admin/errors";
import { canManageHost, canManageTeam } from "@/lib/auth/policy";
import { isUuid } from "@/lib/ids";

// Who may open a host's team and profile, asked of the policy. Another host's (or a missing)
// host is "not found", as everywhere in the admin area (docs/decisions/0019); a manager asking
// for their own host's team is refused the same way, as a door member is refused the dashboard.

export const HOST_NOT_FOUND = "This host does not exist";

/** The actor, when they may run `hostId`'s team (its owners, the platform admin); else not found. */
export async function assertTeamManager(actor: Actor | null, hostId: string): Promise<AdminActor> {
  const admin = await assertAdmin(actor);
  if (!isUuid(hostId) || !canManageTeam(admin, hostId)) throw new AdminError("not_found", HOST_NOT_FOUND);
  return admin;
}

/** The actor, when they may edit `hostId`'s page (its owners and managers, the platform admin); else not found. */
export async function assertHostManager(actor: Actor | null, hostId: string): Promise<AdminActor> {
  const admin = await assertAdmin(actor);
  if (!isUuid(hostId) || !canManageHost(admin, hostId)) throw new AdminError("not_found", HOST_NOT_FOUND);
  return admin;
}
