import "server-only";
import type { AdminActor } from "@/lib/admin/authorize";
import { prisma } from "@/lib/db";

/** The hosts an actor may write for (every host for the platform admin), by name: the dashboard's host choice. */
export async function listOwnHosts(actor: AdminActor): Promise<{ id: string; name: string; slug: string }[]> {
  return prisma.host.findMany({ where: actor.scope === "all" ? {} : { id: { in: [...actor.scope] } }, orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } });
}
