import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { STALE_LOCK_SECONDS } from "@/lib/jobs/queue";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { assertAdmin, type Actor } from "../authorize";
import { writeAudit } from "../audit";
import { AdminError } from "../errors";
import { isUuid } from "@/lib/ids";


type DeliveryJob = { id: string; status: string; attempts: number; last_error: string | null; stale: boolean };

/**
 * Sends a paid order's tickets again. The delivery job is unique per order
 * (`deliver_order:<orderId>`), so instead of inserting a second one its row goes back to
 * `queued` with fresh attempts; a job some worker is running right now is left alone.
 */
export async function resendTickets(options: { actor: Actor | null; orderId: string }): Promise<{ status: "queued" }> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.orderId)) throw new AdminError("not_found", "This order does not exist");
  const key = `deliver_order:${options.orderId}`;
  return inTransaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM orders WHERE id = ${options.orderId}::uuid FOR UPDATE`;
    if (!order) throw new AdminError("not_found", "This order does not exist");
    if (order.status !== "paid") throw new AdminError("validation_failed", `Only a paid order has tickets to send; this one is ${order.status}.`);
    const [job] = await tx.$queryRaw<DeliveryJob[]>`
      SELECT id, status::text, attempts, last_error, locked_at < now() - make_interval(secs => ${STALE_LOCK_SECONDS}) AS stale
        FROM jobs WHERE unique_key = ${key} FOR UPDATE`;
    if (job?.status === "running" && !job.stale) throw new AdminError("busy", "The tickets are being sent right now. Try again in a minute if they don't arrive.");
    if (job) {
      await tx.$executeRaw`
        UPDATE jobs SET status = 'queued', attempts = 0, run_at = now(), last_error = NULL, locked_at = NULL, locked_by = NULL, updated_at = now(),
               -- A deliberate second delivery: a fresh email idempotency key, so Resend sends again.
               payload = payload || jsonb_build_object('resend', (extract(epoch FROM clock_timestamp()) * 1000)::bigint)
         WHERE id = ${job.id}::uuid`;
    } else {
      await enqueueJob(tx, "deliver_order", { orderId: options.orderId });
    }
    await writeAudit(tx, {
      actor,
      action: "order.resend_tickets",
      entityType: "order",
      entityId: options.orderId,
      before: job ? { delivery: { status: job.status, attempts: job.attempts, lastError: job.last_error } } : { delivery: null },
      after: { delivery: { status: "queued", attempts: 0 } },
    });
    return { status: "queued" as const };
  });
}
