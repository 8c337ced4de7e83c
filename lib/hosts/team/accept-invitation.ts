import "server-only";
import { writeAudit } from "@/lib/admin/audit";
import type { HostRole, Role } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import type { Locale } from "@/lib/i18n/locales";
import { hostTextIn } from "../host-text";
import { invitationTokenHash } from "./invitation-token";

// Opening an invitation's link (docs/decisions/0022). The link alone proves nothing about who
// holds it: the membership is made for the signed-in account whose email is the invited one
// (signing in with a password, or with an emailed sign-in link, which makes the account when
// there is none). Expired, withdrawn and used invitations are refused with a page that says so.

/** Why an invitation does nothing. */
export type InvitationRefusal = "unknown" | "used" | "revoked" | "expired";

export type InvitationView =
  | { ok: true; hostName: string; role: HostRole; email: string; invitedByName: string; expiresAt: Date }
  | { ok: false; reason: InvitationRefusal };

type Row = { id: string; host_id: string; email: string; role: HostRole; invited_by_name: string; expires_at: Date; accepted_at: Date | null; revoked_at: Date | null };

function refusalOf(row: Row | undefined, now: Date): InvitationRefusal | null {
  if (!row) return "unknown";
  if (row.accepted_at) return "used";
  if (row.revoked_at) return "revoked";
  return row.expires_at <= now ? "expired" : null;
}

/** What the invitation's page shows before anything is pressed (nothing is changed). */
export async function inspectInvitation(token: unknown, locale: Locale, now = new Date()): Promise<InvitationView> {
  const hash = invitationTokenHash(token);
  if (!hash) return { ok: false, reason: "unknown" };
  const invitation = await prisma.hostInvitation.findUnique({ where: { tokenHash: hash }, include: { host: { select: { name: true, story: true, translations: true } } } });
  const row = invitation ? { id: invitation.id, host_id: invitation.hostId, email: invitation.email, role: invitation.role, invited_by_name: invitation.invitedByName, expires_at: invitation.expiresAt, accepted_at: invitation.acceptedAt, revoked_at: invitation.revokedAt } : undefined;
  const refusal = refusalOf(row, now);
  if (refusal || !invitation) return { ok: false, reason: refusal ?? "unknown" };
  return { ok: true, hostName: hostTextIn(invitation.host, locale).name, role: invitation.role, email: invitation.email, invitedByName: invitation.invitedByName, expiresAt: invitation.expiresAt };
}

export type AcceptOutcome =
  | { ok: true; hostId: string; role: HostRole; alreadyMember: boolean }
  | { ok: false; reason: InvitationRefusal | "sign_in" | "wrong_account" };

/**
 * Accepts the invitation for `user`: in one transaction the invitation row is locked and checked
 * (open, not expired, for this account's email), the membership is made and the invitation
 * marked used, audited. A refusal changes nothing (a wrong account leaves it open for the right one).
 */
export async function acceptInvitation(options: { token: unknown; user: { id: string; email: string; role: Role } | null; now?: Date }): Promise<AcceptOutcome> {
  const hash = invitationTokenHash(options.token);
  if (!hash) return { ok: false, reason: "unknown" };
  const now = options.now ?? new Date();
  const user = options.user;
  return inTransaction(async (tx) => {
    const [row] = await tx.$queryRaw<Row[]>`
      SELECT id, host_id, email, role::text AS role, invited_by_name, expires_at, accepted_at, revoked_at
        FROM host_invitations WHERE token_hash = ${hash} FOR UPDATE`;
    const refusal = refusalOf(row, now);
    if (refusal) return { ok: false as const, reason: refusal };
    if (!user) return { ok: false as const, reason: "sign_in" as const };
    if (user.email.toLowerCase() !== row.email) return { ok: false as const, reason: "wrong_account" as const };
    const made = await tx.$queryRaw<{ role: HostRole }[]>`
      INSERT INTO host_members (host_id, user_id, role) VALUES (${row.host_id}::uuid, ${user.id}::uuid, ${row.role}::host_role)
      ON CONFLICT (host_id, user_id) DO NOTHING RETURNING role::text AS role`;
    await tx.hostInvitation.update({ where: { id: row.id }, data: { acceptedAt: now, acceptedBy: user.id } });
    await writeAudit(tx, { actor: user, action: "host.member_join", entityType: "host", entityId: row.host_id, after: { invitationId: row.id, email: row.email, role: row.role, alreadyMember: made.length === 0 } });
    return { ok: true as const, hostId: row.host_id, role: row.role, alreadyMember: made.length === 0 };
  });
}
