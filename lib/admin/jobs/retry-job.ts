import "server-only";
import { prisma } from "@/lib/db";
import { inTransaction } from "@/lib/db/transaction";
import { retryDeadJob } from "@/lib/jobs/queue";
import { assertAdmin, type Actor } from "../authorize";
import { assertPlatform } from "../host-scope";
import { writeAudit } from "../audit";
import { AdminError } from "../errors";
import { isUuid } from "@/lib/ids";


/** A dead job runs again with a fresh set of attempts (lib/jobs/queue.ts does the update). */
export async function retryJob(options: { actor: Actor | null; jobId: string }): Promise<void> {
  const actor = await assertAdmin(options.actor);
  assertPlatform(actor);
  if (!isUuid(options.jobId)) throw new AdminError("not_found", "This job does not exist");
  const before = await prisma.job.findUnique({ where: { id: options.jobId } });
  if (!before) throw new AdminError("not_found", "This job does not exist");
  if (!(await retryDeadJob(options.jobId))) throw new AdminError("conflict", "This job is no longer dead; the list was out of date.");
  await inTransaction(async (tx) => {
    const after = await tx.job.findUnique({ where: { id: options.jobId } });
    await writeAudit(tx, { actor, action: "job.retry", entityType: "job", entityId: options.jobId, before, after });
  });
}
