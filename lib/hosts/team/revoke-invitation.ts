import "server-only";
import { type Actor } from "@/lib/admin/authorize";
import { writeAudit } from "@/lib/admin/audit";
import { AdminError } from "@/lib/admin/errors";
import { inTransaction } from "@/lib/db/transaction";
import { isUuid } from "@/lib/ids";
import { assertTeamManager } from "./team-access";

const NOT_OPEN = "This invitation is not open any more";

/** Withdraws an open invitation: its link then opens a page that says so. By the host's owner or the platform admin; audited. */
export async function revokeInvitation(options: { actor: Actor | null; hostId: string; invitationId: string; now?: Date }): Promise<void> {
  const actor = await assertTeamManager(options.actor, options.hostId);
  if (!isUuid(options.invitationId)) throw new AdminError("not_found", NOT_OPEN);
  await inTransaction(async (tx) => {
    // One conditional write: an acceptance at the same moment wins or loses whole.
    const rows = await tx.$queryRaw<{ email: string; role: string }[]>`
      UPDATE host_invitations SET revoked_at = ${options.now ?? new Date()}
       WHERE id = ${options.invitationId}::uuid AND host_id = ${options.hostId}::uuid AND accepted_at IS NULL AND revoked_at IS NULL
      RETURNING email, role::text AS role`;
    if (rows.length === 0) throw new AdminError("not_found", NOT_OPEN);
    await writeAudit(tx, { actor, action: "host.invite_revoke", entityType: "host", entityId: options.hostId, before: { invitationId: options.invitationId, ...rows[0] } });
  });
}
