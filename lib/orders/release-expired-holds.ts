import "server-only";
import { prisma } from "@/lib/db";
import { countOrderOutcome } from "@/lib/ops/metrics";

/**
 * The sweeper (run by the job worker): gives back expired holds everywhere so the stored
 * remaining places stay true even when nobody buys. One ticket type or resource per
 * statement, each its own short transaction that locks as a purchase does
 * (`release_expired_ticket_holds`, `release_expired_booking_holds`).
 */
export async function sweepExpiredHolds(limit = 200): Promise<number> {
  const stale = await prisma.$queryRaw<{ ticket_type_id: string | null; resource_id: string | null }[]>`
    SELECT DISTINCT oi.ticket_type_id, NULL::uuid AS resource_id
      FROM orders o JOIN order_items oi ON oi.order_id = o.id
     WHERE o.status = 'pending' AND o.hold_expires_at <= now() AND oi.status = 'held'
    UNION
    SELECT DISTINCT NULL::uuid, b.resource_id
      FROM orders o JOIN bookings b ON b.order_id = o.id
     WHERE o.status = 'pending' AND o.hold_expires_at <= now() AND b.status = 'held'
     LIMIT ${limit}`;
  for (const row of stale) {
    if (row.ticket_type_id) await prisma.$queryRaw`SELECT release_expired_ticket_holds(ARRAY[${row.ticket_type_id}::uuid])`;
    else if (row.resource_id) await prisma.$queryRaw`SELECT release_expired_booking_holds(${row.resource_id}::uuid)`;
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
