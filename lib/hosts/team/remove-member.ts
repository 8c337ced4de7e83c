import "server-only";
import { type Actor } from "@/lib/admin/authorize";
import { writeAudit } from "@/lib/admin/audit";
import { AdminError } from "@/lib/admin/errors";
import { inTransaction } from "@/lib/db/transaction";
import { isUuid } from "@/lib/ids";
import { assertOwnerStays, lockMember } from "./keep-an-owner";
import { assertTeamManager } from "./team-access";

/**
 * Takes a member off the host's team, by its owner or the platform admin; never the last owner.
 * Their account stays; the dashboard forgets the host at their next request (assertAdmin reads
 * memberships from the database each time). Audited.
 */
export async function removeMember(options: { actor: Actor | null; hostId: string; userId: string }): Promise<void> {
  const actor = await assertTeamManager(options.actor, options.hostId);
  if (!isUuid(options.userId)) throw new AdminError("not_found", "This person is not on the team");
  await inTransaction(async (tx) => {
    const member = await lockMember(tx, options.hostId, options.userId);
    await assertOwnerStays(tx, options.hostId, member.role, null);
    await tx.hostMember.delete({ where: { hostId_userId: { hostId: options.hostId, userId: options.userId } } });
    await writeAudit(tx, { actor, action: "host.member_remove", entityType: "host", entityId: options.hostId, before: { email: member.email, role: member.role } });
  });
}
