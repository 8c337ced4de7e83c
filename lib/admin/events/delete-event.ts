import "server-only";
import { revalidatePublicPages } from "@/lib/cache/public-pages";
import { inTransaction, type Tx } from "@/lib/db/transaction";
import { cancelUnpaidOrder, refundPaidOrder } from "@/lib/orders/transitions";
import { assertAdmin, type Actor } from "../authorize";
import { assertRowInScope } from "../host-scope";
import { writeAudit } from "../audit";
import { AdminError } from "../errors";
import { snapshotEvent } from "./event-snapshot";
import { ZDeleteEvent } from "./schemas";
import { versionConflictMessage } from "./update-event";
import { isUuid } from "@/lib/ids";


export type DeleteEventOutcome =
  | { outcome: "deleted" }
  | { outcome: "cancelled"; refundsQueued: number; ordersCancelled: number };

/**
 * An event nobody ever ordered from is removed. Any other is cancelled instead (orders
 * keep pointing at its ticket types, and its buyers are owed their money): it leaves the
 * storefront, its sessions are cancelled, every paid order is refunded (places released,
 * tickets void, `refund_required`, a `refund_order` job that pays back and emails), and
 * unpaid orders are closed so a late payment can't revive them.
 *
 * Two steps. (1) Under the event row, every ticket type and every resource of the event,
 * the event is removed or marked cancelled. A purchase reads the event's status after
 * taking those locks, so once we hold them every purchase that saw the event on sale has
 * committed, and every later one sees it cancelled. (2) The orders are settled, locking
 * orders, then ticket types, then resources (docs/decisions/0002), repeated until none is
 * left open, which also catches an order committed just as step 1 did.
 * Calling it again on a cancelled event finishes step 2 if it was interrupted.
 */
export async function deleteEvent(options: { actor: Actor | null; eventId: string; input?: unknown }): Promise<DeleteEventOutcome> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.eventId)) throw new AdminError("not_found", "This event does not exist");
  await assertRowInScope(actor, "event", options.eventId, "This event does not exist");
  const parsed = ZDeleteEvent.safeParse(options.input ?? {});
  if (!parsed.success) throw new AdminError("validation_failed", "Reload the page and try again.");
  const expectedVersion = parsed.data.version;
  const eventId = options.eventId;

  const first = await inTransaction(async (tx) => {
    const [event] = await tx.$queryRaw<{ version: number; status: string }[]>`
      SELECT version, status::text FROM events WHERE id = ${eventId}::uuid FOR UPDATE`;
    if (!event) throw new AdminError("not_found", "This event does not exist");
    if (expectedVersion !== undefined && expectedVersion !== event.version) {
      throw new AdminError("conflict", versionConflictMessage(expectedVersion, event.version));
    }
    await lockPlacesOfEvent(tx, eventId);
    const [{ orders }] = await tx.$queryRaw<{ orders: number }[]>`SELECT count(*)::int AS orders FROM orders WHERE event_id = ${eventId}::uuid`;
    const before = await snapshotEvent(tx, eventId);
    if (orders === 0) {
      await tx.$executeRaw`DELETE FROM events WHERE id = ${eventId}::uuid`;
      await writeAudit(tx, { actor, action: "event.delete", entityType: "event", entityId: eventId, before });
      return "deleted" as const;
    }
    if (event.status !== "cancelled") {
      await tx.$executeRaw`UPDATE events SET status = 'cancelled', version = version + 1, updated_at = now() WHERE id = ${eventId}::uuid`;
      await tx.$executeRaw`
        UPDATE event_sessions SET cancelled = true, modified_at = clock_timestamp() WHERE event_id = ${eventId}::uuid AND NOT cancelled`;
      await writeAudit(tx, { actor, action: "event.cancel", entityType: "event", entityId: eventId, before, after: await snapshotEvent(tx, eventId) });
    }
    return "cancelled" as const;
  });
  await revalidatePublicPages();
  if (first === "deleted") return { outcome: "deleted" };

  const settled = { refundsQueued: 0, ordersCancelled: 0 };
  for (let round = 0; round < 5; round++) {
    const result = await inTransaction((tx) => settleOpenOrders(tx, actor, eventId));
    if (!result) break;
    settled.refundsQueued += result.refundsQueued;
    settled.ordersCancelled += result.ordersCancelled;
  }
  return { outcome: "cancelled", ...settled };
}

async function lockPlacesOfEvent(tx: Tx, eventId: string): Promise<void> {
  await tx.$queryRaw`
    SELECT tt.id FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id
     WHERE s.event_id = ${eventId}::uuid ORDER BY tt.id FOR UPDATE OF tt`;
  await tx.$queryRaw`SELECT id FROM resources WHERE event_id = ${eventId}::uuid ORDER BY id FOR UPDATE`;
}

async function settleOpenOrders(tx: Tx, actor: Actor, eventId: string): Promise<{ refundsQueued: number; ordersCancelled: number } | null> {
  const orders = await tx.$queryRaw<{ id: string; status: string }[]>`
    SELECT id, status::text FROM orders
     WHERE event_id = ${eventId}::uuid AND status IN ('pending', 'expired', 'paid')
     ORDER BY id FOR UPDATE`;
  if (orders.length === 0) return null;
  await lockPlacesOfEvent(tx, eventId);

  const refunded: string[] = [];
  const cancelled: string[] = [];
  for (const order of orders) {
    if (order.status === "paid") {
      await refundPaidOrder(order.id, tx);
      refunded.push(order.id);
    } else {
      await cancelUnpaidOrder(order.id, tx);
      cancelled.push(order.id);
    }
  }
  await writeAudit(tx, {
    actor,
    action: "event.cancel.settle_orders",
    entityType: "event",
    entityId: eventId,
    after: { refundRequired: refunded, cancelled },
  });
  return { refundsQueued: refunded.length, ordersCancelled: cancelled.length };
}
