import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { type Actor } from "@/lib/admin/authorize";
import { writeAudit } from "@/lib/admin/audit";
import { AdminError } from "@/lib/admin/errors";
import { HOST_ROLES, type HostRole } from "@/lib/auth/policy";
import { inTransaction } from "@/lib/db/transaction";
import { LOCALES } from "@/lib/i18n/locales";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { INVITATION_DAYS, invitationToken, invitationTokenHash } from "./invitation-token";
import { assertTeamManager, HOST_NOT_FOUND } from "./team-access";

export const ZInvitation = z.object({
  email: z.string({ error: "Enter an email address" }).trim().toLowerCase().max(254, "Enter an email address of at most 254 characters").pipe(z.email({ error: "Enter a valid email address" })),
  role: z.enum(HOST_ROLES, { error: "Choose owner, manager or door" }),
  locale: z.enum(LOCALES, { error: "Choose the email's language" }).default("en"),
});

/**
 * Invites `email` to the host's team as `role` (pretix's team invites): a row with the hash of
 * its link's token, and the email job, in one transaction (the job commits with the row or not
 * at all). An open invitation to the same address is withdrawn by the new one. By the host's
 * owner or the platform admin; audited.
 */
export async function inviteMember(options: { actor: Actor | null; hostId: string; input: unknown; now?: Date }): Promise<{ id: string; email: string; role: HostRole; expiresAt: Date }> {
  const actor = await assertTeamManager(options.actor, options.hostId);
  const parsed = ZInvitation.safeParse(options.input);
  if (!parsed.success) {
    throw new AdminError("validation_failed", "Check the highlighted fields.", Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message])));
  }
  const { email, role, locale } = parsed.data;
  const now = options.now ?? new Date();
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000);
  return inTransaction(async (tx) => {
    const [host] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM hosts WHERE id = ${options.hostId}::uuid FOR UPDATE`;
    if (!host) throw new AdminError("not_found", HOST_NOT_FOUND);
    const [member] = await tx.$queryRaw<{ role: string }[]>`
      SELECT m.role::text AS role FROM host_members m JOIN users u ON u.id = m.user_id WHERE m.host_id = ${host.id}::uuid AND lower(u.email) = ${email}`;
    if (member) throw new AdminError("validation_failed", `${email} is on the team already (${member.role}): change their role instead.`, { email: "Already on the team" });
    await tx.hostInvitation.updateMany({ where: { hostId: host.id, email, acceptedAt: null, revokedAt: null }, data: { revokedAt: now } });
    const inviter = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true } });
    await tx.hostInvitation.create({
      data: { id, hostId: host.id, email, role, locale, tokenHash: invitationTokenHash(invitationToken(id))!, invitedBy: actor.id, invitedByName: inviter?.name ?? actor.email, createdAt: now, expiresAt },
    });
    await enqueueJob(tx, "send_host_invitation", { invitationId: id });
    await writeAudit(tx, { actor, action: "host.invite", entityType: "host", entityId: host.id, after: { invitationId: id, email, role } });
    return { id, email, role, expiresAt };
  });
}
