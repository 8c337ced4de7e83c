import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "./authorize";

export type AuditEntry = {
  actor: Actor;
  /** What was done, `<entity>.<verb>`: event.create, event.update, order.refund … */
  action: string;
  entityType: "event" | "order" | "job" | "check_in" | "staff_grant" | "voucher" | "venue" | "host" | "platform";
  entityId: string;
  before?: unknown;
  after?: unknown;
};

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull {
  if (value === undefined || value === null) return Prisma.DbNull;
  // Dates become ISO strings, undefined fields disappear: what was true at that moment, as JSON.
  return JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;
}

/** Written in the same transaction as the change, so the log and the data never disagree. */
export async function writeAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor.id,
      actorEmail: entry.actor.email,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}
