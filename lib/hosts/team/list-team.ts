import "server-only";
import { type Actor } from "@/lib/admin/authorize";
import { AdminError } from "@/lib/admin/errors";
import type { HostRole } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { assertTeamManager, HOST_NOT_FOUND } from "./team-access";

export type TeamMember = { userId: string; name: string; email: string; role: HostRole; since: Date };
export type OpenInvitation = { id: string; email: string; role: HostRole; invitedByName: string; createdAt: Date; expiresAt: Date; expired: boolean };

/** A host's team for its Team page: members (owners first, then by name) and open invitations (newest first). */
export async function listTeam(options: { actor: Actor | null; hostId: string; now?: Date }) {
  const actor = await assertTeamManager(options.actor, options.hostId);
  const host = await prisma.host.findUnique({ where: { id: options.hostId }, select: { id: true, name: true, slug: true } });
  if (!host) throw new AdminError("not_found", HOST_NOT_FOUND);
  const now = options.now ?? new Date();
  const [members, invitations] = await Promise.all([
    prisma.hostMember.findMany({ where: { hostId: host.id }, select: { userId: true, role: true, createdAt: true, user: { select: { name: true, email: true } } } }),
    prisma.hostInvitation.findMany({ where: { hostId: host.id, acceptedAt: null, revokedAt: null }, orderBy: { createdAt: "desc" } }),
  ]);
  const order: Record<HostRole, number> = { owner: 0, manager: 1, door: 2 };
  const team: TeamMember[] = members
    .map((member) => ({ userId: member.userId, name: member.user.name, email: member.user.email, role: member.role, since: member.createdAt }))
    .sort((a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name));
  const open: OpenInvitation[] = invitations.map((invitation) => ({
    id: invitation.id, email: invitation.email, role: invitation.role, invitedByName: invitation.invitedByName, createdAt: invitation.createdAt, expiresAt: invitation.expiresAt, expired: invitation.expiresAt <= now,
  }));
  return { actor, host, members: team, invitations: open };
}
