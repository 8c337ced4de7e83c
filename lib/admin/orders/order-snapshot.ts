import "server-only";
import type { Tx } from "@/lib/db/transaction";
import { jobKey } from "@/lib/jobs/kinds";

/** An order as the audit log records it around a refund or a resend. */
export async function snapshotOrder(tx: Tx, orderId: string) {
  const [order] = await tx.$queryRaw<Record<string, unknown>[]>`
    SELECT o.id, o.reference, o.status::text AS status, o.total_minor, o.currency, o.paid_at,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('ticketTypeId', oi.ticket_type_id, 'quantity', oi.quantity, 'status', oi.status) ORDER BY oi.ticket_type_id), '[]')
              FROM order_items oi WHERE oi.order_id = o.id) AS items,
           (SELECT coalesce(jsonb_agg(jsonb_build_object('resourceId', b.resource_id, 'startsAt', b.starts_at, 'status', b.status) ORDER BY b.starts_at), '[]')
              FROM bookings b WHERE b.order_id = o.id) AS bookings,
           (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id AND t.status = 'valid') AS valid_tickets,
           (SELECT jsonb_build_object('status', j.status, 'attempts', j.attempts, 'lastError', j.last_error)
              FROM jobs j WHERE j.unique_key = ${jobKey("deliver_order", orderId)}) AS delivery
      FROM orders o WHERE o.id = ${orderId}::uuid`;
  return order ?? null;
}
