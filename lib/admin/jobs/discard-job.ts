import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { assertAdmin, type Actor } from "../authorize";
import { assertPlatform } from "../host-scope";
import { writeAudit } from "../audit";
import { AdminError } from "../errors";
import { isUuid } from "@/lib/ids";


/**
 * Removes a dead job for good (e.g. an email to an address that no longer exists). The
 * audit entry keeps the whole row, last error included. For a delivery job, "send tickets
 * again" on the order creates a fresh one later.
 */
export async function discardJob(options: { actor: Actor | null; jobId: string }): Promise<void> {
  const actor = await assertAdmin(options.actor);
  assertPlatform(actor);
  if (!isUuid(options.jobId)) throw new AdminError("not_found", "This job does not exist");
  await inTransaction(async (tx) => {
    const [job] = await tx.$queryRaw<{ id: string; status: string }[]>`SELECT id, status::text FROM jobs WHERE id = ${options.jobId}::uuid FOR UPDATE`;
    if (!job) throw new AdminError("not_found", "This job does not exist");
    if (job.status !== "dead") throw new AdminError("conflict", "Only a dead job can be discarded; this one is " + job.status + ".");
    const before = await tx.job.findUnique({ where: { id: options.jobId } });
    await tx.$executeRaw`DELETE FROM jobs WHERE id = ${options.jobId}::uuid`;
    await writeAudit(tx, { actor, action: "job.discard", entityType: "job", entityId: options.jobId, before });
  });
}
