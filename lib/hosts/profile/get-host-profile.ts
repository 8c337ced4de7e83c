import "server-only";
import { type Actor } from "@/lib/admin/authorize";
import { AdminError } from "@/lib/admin/errors";
import { canManageTeam, type HostRole } from "@/lib/auth/policy";
import { prisma } from "@/lib/db";
import { readHostTranslations, type HostTranslations } from "../host-text";
import { assertHostManager, HOST_NOT_FOUND } from "../team/team-access";

export type HostProfile = { id: string; slug: string; name: string; story: string; city: string; photoPath: string | null; translations: HostTranslations };

/** A host's page as its edit form shows it, whether the actor may also run its team, and the actor's own role in it (to leave it). */
export async function getHostProfile(options: { actor: Actor | null; hostId: string }): Promise<{ host: HostProfile; canManageTeam: boolean; ownRole: HostRole | null }> {
  const actor = await assertHostManager(options.actor, options.hostId);
  const host = await prisma.host.findUnique({ where: { id: options.hostId }, select: { id: true, slug: true, name: true, story: true, city: true, photoPath: true, translations: true } });
  if (!host) throw new AdminError("not_found", HOST_NOT_FOUND);
  const ownRole = actor.memberships.find((member) => member.hostId === host.id)?.role ?? null;
  return { host: { ...host, translations: readHostTranslations(host.translations) }, canManageTeam: canManageTeam(actor, host.id), ownRole };
}
