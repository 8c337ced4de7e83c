import "server-only";
import { inTransaction, type Tx } from "@/lib/db/transaction";
import { countOrderOutcome } from "@/lib/ops/metrics";
import { currentRequestId } from "@/lib/ops/request-context";
import { newTicketCode } from "./codes";
import { OrderError } from "./errors";

export type CompletionOutcome =
  | { outcome: "paid"; orderId: string }
  | { outcome: "refund_required"; orderId: string }
  | { outcome: "unchanged"; orderId: string; status: string };

type PaymentOptions = { orderId: string; provider: string; paymentRef: string | null };

/**
 * Payment arrived (provider callback, webhook or browser return): ONE transaction that
 * issues the tickets, or, when the hold had expired and the places are gone, marks the
 * order for a refund. Safe to call any number of times: only the first call changes anything.
 */
export async function confirmOrderPayment(options: PaymentOptions): Promise<CompletionOutcome> {
  return inTransaction((tx) => completeOrder(tx, options));
}

type LockedOrder = { id: string; status: string; user_id: string };
type Item = { id: string; ticket_type_id: string; quantity: number; status: string };
type BookingRow = { id: string; resource_id: string; starts_at: Date; ends_at: Date; status: string };

export async function completeOrder(tx: Tx, options: PaymentOptions): Promise<CompletionOutcome> {
  const { orderId } = options;
  const [order] = await tx.$queryRaw<LockedOrder[]>`
    SELECT id, status::text, user_id FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
  if (!order) throw new OrderError("not_found", "Order not found");
  if (order.status === "cancelled") {
    // Money arrived for an order that was cancelled meanwhile (the buyer cancelled, or the
    // event was called off): keep no one's money without tickets; refund it.
    await tx.$executeRaw`
      UPDATE orders SET status = 'refund_required', payment_provider = ${options.provider}, payment_ref = ${options.paymentRef}
       WHERE id = ${orderId}::uuid`;
    await enqueue(tx, "refund_order", orderId);
    return { outcome: "refund_required", orderId };
  }
  if (order.status !== "pending" && order.status !== "expired") {
    return { outcome: "unchanged", orderId, status: order.status };
  }

  const items = await tx.$queryRaw<Item[]>`
    SELECT id, ticket_type_id, quantity, status::text FROM order_items WHERE order_id = ${orderId}::uuid ORDER BY ticket_type_id`;
  const bookings = await tx.$queryRaw<BookingRow[]>`
    SELECT id, resource_id, starts_at, ends_at, status::text FROM bookings WHERE order_id = ${orderId}::uuid ORDER BY resource_id`;

  // Same lock order as a purchase: ticket types by id, then resources.
  const typeIds = items.map((item) => item.ticket_type_id);
  const types = await tx.$queryRaw<{ id: string; capacity: number; sold: number; held: number }[]>`
    SELECT id, capacity, sold, held FROM ticket_types WHERE id = ANY(${typeIds}::uuid[]) ORDER BY id FOR UPDATE`;
  for (const booking of bookings) {
    await tx.$queryRaw`SELECT id FROM resources WHERE id = ${booking.resource_id}::uuid FOR UPDATE`;
  }

  const canRetake = await everyReleasedPlaceIsFree(tx, items, bookings, types);
  if (!canRetake) {
    await giveBackHeldPlaces(tx, orderId, items);
    await tx.$executeRaw`
      UPDATE orders SET status = 'refund_required', payment_provider = ${options.provider}, payment_ref = ${options.paymentRef}
       WHERE id = ${orderId}::uuid`;
    await enqueue(tx, "refund_order", orderId);
    countOrderOutcome("refund_required");
    return { outcome: "refund_required", orderId };
  }

  await tx.$executeRaw`
    UPDATE ticket_types tt
       SET sold = tt.sold + x.quantity,
           held = tt.held - x.held_quantity
      FROM (SELECT ticket_type_id,
                   sum(quantity)::int AS quantity,
                   sum(CASE WHEN status = 'held' THEN quantity ELSE 0 END)::int AS held_quantity
              FROM order_items WHERE order_id = ${orderId}::uuid GROUP BY ticket_type_id) x
     WHERE tt.id = x.ticket_type_id`;
  await tx.$executeRaw`UPDATE order_items SET status = 'sold' WHERE order_id = ${orderId}::uuid`;
  await tx.$executeRaw`UPDATE bookings SET status = 'sold' WHERE order_id = ${orderId}::uuid`;
  await tx.$executeRaw`
    UPDATE orders SET status = 'paid', paid_at = now(), payment_provider = ${options.provider}, payment_ref = ${options.paymentRef}
     WHERE id = ${orderId}::uuid`;
  await issueTickets(tx, order, items, bookings);
  await enqueue(tx, "deliver_order", orderId);
  countOrderOutcome("sold");
  return { outcome: "paid", orderId };
}

async function everyReleasedPlaceIsFree(
  tx: Tx,
  items: Item[],
  bookings: BookingRow[],
  types: { id: string; capacity: number; sold: number; held: number }[],
): Promise<boolean> {
  const byId = new Map(types.map((type) => [type.id, type]));
  for (const item of items) {
    if (item.status !== "released") continue;
    const type = byId.get(item.ticket_type_id)!;
    if (type.capacity - type.sold - type.held < item.quantity) return false;
  }
  for (const booking of bookings) {
    if (booking.status !== "released") continue;
    const clash = await tx.$queryRaw<unknown[]>`
      SELECT 1 FROM bookings
       WHERE resource_id = ${booking.resource_id}::uuid AND id <> ${booking.id}::uuid
         AND status IN ('held', 'sold')
         AND tstzrange(starts_at, ends_at) && tstzrange(${booking.starts_at}::timestamptz, ${booking.ends_at}::timestamptz)
       LIMIT 1`;
    if (clash.length > 0) return false;
  }
  return true;
}

export async function giveBackHeldPlaces(tx: Tx, orderId: string, items: Item[]): Promise<void> {
  if (items.some((item) => item.status === "held")) {
    await tx.$executeRaw`
      UPDATE ticket_types tt SET held = tt.held - x.quantity
        FROM (SELECT ticket_type_id, sum(quantity)::int AS quantity FROM order_items
               WHERE order_id = ${orderId}::uuid AND status = 'held' GROUP BY ticket_type_id) x
       WHERE tt.id = x.ticket_type_id`;
  }
  await tx.$executeRaw`UPDATE order_items SET status = 'released' WHERE order_id = ${orderId}::uuid AND status = 'held'`;
  await tx.$executeRaw`UPDATE bookings SET status = 'released' WHERE order_id = ${orderId}::uuid AND status = 'held'`;
}

async function issueTickets(tx: Tx, order: LockedOrder, items: Item[], bookings: BookingRow[]): Promise<void> {
  const typeIds: (string | null)[] = [];
  const bookingIds: (string | null)[] = [];
  for (const item of items) for (let seat = 0; seat < item.quantity; seat++) { typeIds.push(item.ticket_type_id); bookingIds.push(null); }
  for (const booking of bookings) { typeIds.push(null); bookingIds.push(booking.id); }
  const codes = typeIds.map(() => newTicketCode());
  await tx.$executeRaw`
    INSERT INTO tickets (order_id, ticket_type_id, booking_id, code, holder_name)
    SELECT ${order.id}::uuid, t.ticket_type_id, t.booking_id, t.code, u.name
      FROM unnest(${typeIds}::uuid[], ${bookingIds}::uuid[], ${codes}::text[]) AS t(ticket_type_id, booking_id, code)
      CROSS JOIN (SELECT name FROM users WHERE id = ${order.user_id}::uuid) u`;
}

/** Transactional outbox: the job commits with the order change, or not at all. */
export async function enqueue(tx: Tx, kind: string, orderId: string): Promise<void> {
  await tx.$executeRaw`
    INSERT INTO jobs (kind, payload, unique_key)
    VALUES (${kind}, jsonb_build_object('orderId', ${orderId}::text, 'requestId', ${currentRequestId() ?? null}::text), ${`${kind}:${orderId}`})
    ON CONFLICT (unique_key) DO NOTHING`;
}

/**
 * The buyer walked away or the payment failed: give the held places back now instead of
 * waiting for the hold to run out. Only a pending order changes; anything else is left alone.
 */
export async function releasePendingOrder(tx: Tx, orderId: string): Promise<boolean> {
  const [order] = await tx.$queryRaw<{ status: string }[]>`SELECT status::text FROM orders WHERE id = ${orderId}::uuid FOR UPDATE`;
  if (!order) throw new OrderError("not_found", "Order not found");
  if (order.status !== "pending") return false;
  const items = await tx.$queryRaw<Item[]>`
    SELECT id, ticket_type_id, quantity, status::text FROM order_items WHERE order_id = ${orderId}::uuid ORDER BY ticket_type_id`;
  await tx.$queryRaw`
    SELECT id FROM ticket_types WHERE id IN (SELECT ticket_type_id FROM order_items WHERE order_id = ${orderId}::uuid) ORDER BY id FOR UPDATE`;
  await tx.$queryRaw`
    SELECT id FROM resources WHERE id IN (SELECT resource_id FROM bookings WHERE order_id = ${orderId}::uuid) ORDER BY id FOR UPDATE`;
  await giveBackHeldPlaces(tx, orderId, items);
  await tx.$executeRaw`UPDATE orders SET status = 'expired' WHERE id = ${orderId}::uuid`;
  countOrderOutcome("expired");
  return true;
}
