import "server-only";
import { prisma } from "@/lib/db";
import { assertAdmin, type Actor } from "./authorize";

/** The latest admin changes, or those of one entity (audit_log's two indexes). */
export async function listAuditLog(options: { actor: Actor | null; entityType?: string; entityId?: string; limit?: number }) {
  await assertAdmin(options.actor);
  return prisma.auditLog.findMany({
    where: options.entityType && options.entityId ? { entityType: options.entityType, entityId: options.entityId } : {},
    orderBy: { createdAt: "desc" },
    take: Math.min(200, options.limit ?? 100),
  });
}
