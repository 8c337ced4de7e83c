import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { requeueJob } from "@/lib/jobs/queue";
import { lockOrder } from "@/lib/orders/transitions";
import { assertAdmin, type Actor } from "../authorize";
import { assertRowInScope } from "../host-scope";
import { writeAudit } from "../audit";
import { AdminError } from "../errors";
import { isUuid } from "@/lib/ids";

/**
 * Sends a paid order's tickets again. The delivery job is unique per order, so instead of
 * inserting a second one the queue runs it again (`requeueJob`), marked as a deliberate
 * resend so the email goes out once more; a job some worker is running right now is left alone.
 */
export async function resendTickets(options: { actor: Actor | null; orderId: string }): Promise<{ status: "queued" }> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.orderId)) throw new AdminError("not_found", "This order does not exist");
  await assertRowInScope(actor, "order", options.orderId, "This order does not exist");
  return inTransaction(async (tx) => {
    const status = await lockOrder(tx, options.orderId);
    if (!status) throw new AdminError("not_found", "This order does not exist");
    if (status !== "paid") throw new AdminError("validation_failed", `Only a paid order has tickets to send; this one is ${status}.`);
    // A fresh `resend` gives the email a fresh idempotency key (lib/tickets/deliver-order.ts), so Resend sends again.
    const requeued = await requeueJob(tx, "deliver_order", { orderId: options.orderId }, { again: { resend: Date.now() } });
    if (requeued.outcome === "busy") throw new AdminError("busy", "The tickets are being sent right now. Try again in a minute if they don't arrive.");
    await writeAudit(tx, {
      actor,
      action: "order.resend_tickets",
      entityType: "order",
      entityId: options.orderId,
      before: { delivery: requeued.before },
      after: { delivery: { status: "queued", attempts: 0 } },
    });
    return { status: "queued" as const };
  });
}
