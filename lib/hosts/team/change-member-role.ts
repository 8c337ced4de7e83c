import "server-only";
import { z } from "zod";
import { type Actor } from "@/lib/admin/authorize";
import { writeAudit } from "@/lib/admin/audit";
import { AdminError } from "@/lib/admin/errors";
import { HOST_ROLES, type HostRole } from "@/lib/auth/policy";
import { inTransaction } from "@/lib/db/transaction";
import { isUuid } from "@/lib/ids";
import { assertOwnerStays, lockMember } from "./keep-an-owner";
import { assertTeamManager } from "./team-access";

export const ZMemberRole = z.object({ role: z.enum(HOST_ROLES, { error: "Choose owner, manager or door" }) });

/** A member's new role, by the host's owner or the platform admin; the last owner stays one. Audited. */
export async function changeMemberRole(options: { actor: Actor | null; hostId: string; userId: string; input: unknown }): Promise<{ role: HostRole }> {
  const actor = await assertTeamManager(options.actor, options.hostId);
  if (!isUuid(options.userId)) throw new AdminError("not_found", "This person is not on the team");
  const parsed = ZMemberRole.safeParse(options.input);
  if (!parsed.success) throw new AdminError("validation_failed", "Choose owner, manager or door.", { role: "Choose owner, manager or door" });
  const { role } = parsed.data;
  return inTransaction(async (tx) => {
    const member = await lockMember(tx, options.hostId, options.userId);
    if (member.role === role) return { role };
    await assertOwnerStays(tx, options.hostId, member.role, role);
    await tx.hostMember.update({ where: { hostId_userId: { hostId: options.hostId, userId: options.userId } }, data: { role } });
    await writeAudit(tx, { actor, action: "host.member_role", entityType: "host", entityId: options.hostId, before: { email: member.email, role: member.role }, after: { email: member.email, role } });
    return { role };
  });
}
