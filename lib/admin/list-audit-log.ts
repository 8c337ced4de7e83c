import "server-only";
import { prisma } from "@/lib/db";
import { assertAdmin, type Actor } from "./authorize";
import { assertPlatform, assertRowInScope } from "./host-scope";

/** Entities a host's member may read the history of: their own (in scope), like the rows themselves. */
const HOSTED = ["event", "order", "voucher", "venue"] as const;

/**
 * The latest admin changes (the platform admin's page), or those of one entity (audit_log's
 * two indexes): an event, order, voucher or venue in the actor's scope; another host's is not found.
 */
export async function listAuditLog(options: { actor: Actor | null; entityType?: string; entityId?: string; limit?: number }) {
  const actor = await assertAdmin(options.actor);
  const hosted = HOSTED.find((kind) => kind === options.entityType);
  if (hosted && options.entityId) await assertRowInScope(actor, hosted, options.entityId);
  else assertPlatform(actor);
  return prisma.auditLog.findMany({
    where: options.entityType && options.entityId ? { entityType: options.entityType, entityId: options.entityId } : {},
    orderBy: { createdAt: "desc" },
    take: Math.min(200, options.limit ?? 100),
  });
}
