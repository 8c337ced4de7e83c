import "server-only";
import { type Actor } from "@/lib/admin/authorize";
import { writeAudit } from "@/lib/admin/audit";
import { AdminError } from "@/lib/admin/errors";
import { inTransaction } from "@/lib/db/transaction";
import { isUuid } from "@/lib/ids";
import { assertAdmin } from "@/lib/admin/authorize";
import { canRemoveMember } from "@/lib/auth/policy";
import { assertOwnerStays, lockMember } from "./keep-an-owner";
import { HOST_NOT_FOUND } from "./team-access";

/**
 * Takes a member off the host's team, by its owner or the platform admin, or a member leaving
 * by themselves; never the last owner. Their account stays; the dashboard forgets the host at
 * their next request (assertAdmin reads memberships from the database each time). Audited.
 */
export async function removeMember(options: { actor: Actor | null; hostId: string; userId: string }): Promise<void> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.hostId) || !canRemoveMember({ userId: actor.id, role: actor.role, memberships: actor.memberships }, options.hostId, options.userId)) throw new AdminError("not_found", HOST_NOT_FOUND);
  if (!isUuid(options.userId)) throw new AdminError("not_found", "This person is not on the team");
  await inTransaction(async (tx) => {
    const member = await lockMember(tx, options.hostId, options.userId);
    await assertOwnerStays(tx, options.hostId, member.role, null);
    await tx.hostMember.delete({ where: { hostId_userId: { hostId: options.hostId, userId: options.userId } } });
    const action = options.userId === actor.id ? "host.member_leave" : "host.member_remove";
    await writeAudit(tx, { actor, action, entityType: "host", entityId: options.hostId, before: { email: member.email, role: member.role } });
  });
}
