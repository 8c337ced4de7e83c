import "server-only";
import { prisma } from "@/lib/db";
import { inTransaction, type Tx } from "@/lib/db/transaction";
import { countOrderOutcome } from "@/lib/ops/metrics";

/**
 * Gives back the places of expired holds on ticket types the caller has already locked.
 * The order stays `pending` (a late payment may still take its places back if they are
 * free); only its items are marked released.
 */
export async function releaseExpiredTicketHolds(tx: Tx, lockedTicketTypeIds: string[]): Promise<void> {
  await tx.$executeRaw`
    WITH released AS (
      UPDATE order_items oi SET status = 'released'
        FROM orders o
       WHERE oi.order_id = o.id
         AND oi.ticket_type_id = ANY(${lockedTicketTypeIds}::uuid[])
         AND oi.status = 'held'
         AND o.status = 'pending'
         AND o.hold_expires_at <= now()
      RETURNING oi.ticket_type_id, oi.quantity
    ), totals AS (
      SELECT ticket_type_id, sum(quantity)::int AS quantity FROM released GROUP BY ticket_type_id
    )
    UPDATE ticket_types tt SET held = tt.held - totals.quantity
      FROM totals WHERE tt.id = totals.ticket_type_id`;
}

/** Same for bookings, on a resource the caller has already locked. */
export async function releaseExpiredBookingHolds(tx: Tx, lockedResourceId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE bookings b SET status = 'released'
      FROM orders o
     WHERE b.order_id = o.id
       AND b.resource_id = ${lockedResourceId}::uuid
       AND b.status = 'held'
       AND o.status = 'pending'
       AND o.hold_expires_at <= now()`;
}

/**
 * The sweeper (run by the job worker): releases expired holds everywhere so the stored
 * remaining places stay true even when nobody buys. One ticket type at a time, each in
 * its own short transaction, locking in the same order as a purchase.
 */
export async function sweepExpiredHolds(limit = 200): Promise<number> {
  const stale = await prisma.$queryRaw<{ ticket_type_id: string | null; resource_id: string | null }[]>`
    SELECT DISTINCT oi.ticket_type_id, NULL::uuid AS resource_id
      FROM order_items oi JOIN orders o ON o.id = oi.order_id
     WHERE oi.status = 'held' AND o.status = 'pending' AND o.hold_expires_at <= now()
    UNION
    SELECT DISTINCT NULL::uuid, b.resource_id
      FROM bookings b JOIN orders o ON o.id = b.order_id
     WHERE b.status = 'held' AND o.status = 'pending' AND o.hold_expires_at <= now()
     LIMIT ${limit}`;
  for (const row of stale) {
    await inTransaction(async (tx) => {
      if (row.ticket_type_id) {
        await tx.$queryRaw`SELECT id FROM ticket_types WHERE id = ${row.ticket_type_id}::uuid FOR UPDATE`;
        await releaseExpiredTicketHolds(tx, [row.ticket_type_id]);
      } else if (row.resource_id) {
        await tx.$queryRaw`SELECT id FROM resources WHERE id = ${row.resource_id}::uuid FOR UPDATE`;
        await releaseExpiredBookingHolds(tx, row.resource_id);
      }
    });
  }
  // Orders whose every hold is gone and that nobody paid for are expired for good.
  const expired = await prisma.$executeRaw`
    UPDATE orders o SET status = 'expired'
     WHERE o.status = 'pending' AND o.hold_expires_at <= now() - interval '1 hour'
       AND NOT EXISTS (SELECT 1 FROM order_items oi WHERE oi.order_id = o.id AND oi.status = 'held')
       AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.order_id = o.id AND b.status = 'held')`;
  countOrderOutcome("expired", expired);
  return stale.length;
}
