import "server-only";
import { inTransaction } from "@/lib/db/transaction";
import { enqueue } from "./complete-order";
import { OrderError } from "./errors";

/**
 * An attendee cancels a booking of their own before it starts: the range becomes free
 * again, its ticket is void, and a paid order is queued for a refund.
 */
export async function cancelBooking(options: { userId: string; orderId: string }): Promise<{ status: string }> {
  return inTransaction(async (tx) => {
    const [order] = await tx.$queryRaw<{ id: string; user_id: string; status: string }[]>`
      SELECT id, user_id, status::text FROM orders WHERE id = ${options.orderId}::uuid FOR UPDATE`;
    if (!order || order.user_id !== options.userId) throw new OrderError("not_found", "Order not found");
    const bookings = await tx.$queryRaw<{ id: string; resource_id: string; starts_at: Date; status: string }[]>`
      SELECT id, resource_id, starts_at, status::text FROM bookings WHERE order_id = ${order.id}::uuid ORDER BY resource_id`;
    if (bookings.length === 0) throw new OrderError("not_cancellable", "Only bookings can be cancelled here");
    if (!["pending", "paid"].includes(order.status)) throw new OrderError("not_cancellable", "This booking is already closed");
    if (bookings.some((booking) => booking.starts_at <= new Date())) {
      throw new OrderError("not_cancellable", "This booking has already started");
    }
    for (const booking of bookings) {
      await tx.$queryRaw`SELECT id FROM resources WHERE id = ${booking.resource_id}::uuid FOR UPDATE`;
    }
    await tx.$executeRaw`UPDATE bookings SET status = 'cancelled' WHERE order_id = ${order.id}::uuid`;
    await tx.$executeRaw`UPDATE tickets SET status = 'void' WHERE order_id = ${order.id}::uuid`;
    const next = order.status === "paid" ? "refund_required" : "cancelled";
    await tx.$executeRaw`UPDATE orders SET status = ${next}::order_status WHERE id = ${order.id}::uuid`;
    if (next === "refund_required") await enqueue(tx, "refund_order", order.id);
    return { status: next };
  });
}
