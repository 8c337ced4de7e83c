import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { inTransaction, type Tx } from "@/lib/db/transaction";
import { countOrderHold, countOrderOutcome } from "@/lib/ops/metrics";
import { newOrderReference } from "./codes";
import { completeOrder } from "./complete-order";
import { OrderError } from "./errors";
import { releaseExpiredTicketHolds } from "./release-expired-holds";

export const ZTicketSelection = z.object({
  ticketTypeId: z.uuid("Unknown ticket type"),
  quantity: z.coerce
    .number({ error: "Enter a number" })
    .int("Use a whole number")
    .min(0, "Use a positive number")
    .max(1000, "That is more than one order can hold"),
});
export const ZReserveTickets = z.object({
  items: z.array(ZTicketSelection).min(1, "Choose at least one ticket").max(50),
});
export type ReserveTicketsInput = z.infer<typeof ZReserveTickets>;

export type ReservedOrder = {
  id: string;
  reference: string;
  status: "pending" | "paid";
  totalMinor: number;
  currency: string;
  holdExpiresAt: Date;
};

type LockedTicketType = {
  id: string;
  name: string;
  session_id: string;
  event_id: string;
  price_minor: number;
  currency: string;
  capacity: number;
  sold: number;
  held: number;
  starts_at: Date;
  session_cancelled: boolean;
  event_status: string;
};

/** Sums repeated ticket types and drops zero quantities; checks the per-order limit. */
export function normaliseSelection(items: ReserveTicketsInput["items"], maxPerOrder: number) {
  const quantities = new Map<string, number>();
  for (const item of items) quantities.set(item.ticketTypeId, (quantities.get(item.ticketTypeId) ?? 0) + item.quantity);
  const chosen = [...quantities].filter(([, quantity]) => quantity > 0).map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }));
  if (chosen.length === 0) throw new OrderError("invalid", "Choose at least one ticket", "items");
  const total = chosen.reduce((sum, item) => sum + item.quantity, 0);
  if (total > maxPerOrder) throw new OrderError("too_many", `You can buy at most ${maxPerOrder} tickets in one order`, "items");
  // A fixed lock order (by id) means two orders over the same types never deadlock.
  return chosen.sort((a, b) => (a.ticketTypeId < b.ticketTypeId ? -1 : 1));
}

/**
 * Holds places for a signed-in buyer, in ONE transaction:
 * lock the ticket types (id order) → give back expired holds → check capacity →
 * write the pending order and its items → count the places as held.
 * A free order is completed at once (tickets issued, delivery queued).
 */
export async function reserveTickets(options: { userId: string; input: ReserveTicketsInput }): Promise<ReservedOrder> {
  const settings = env();
  const chosen = normaliseSelection(options.input.items, settings.MAX_TICKETS_PER_ORDER);
  const ids = chosen.map((item) => item.ticketTypeId);

  return inTransaction(async (tx) => {
    await lockTicketTypes(tx, ids);
    await releaseExpiredTicketHolds(tx, ids);
    const types = await readLockedTicketTypes(tx, ids);
    const byId = new Map(types.map((type) => [type.id, type]));

    for (const item of chosen) {
      const type = byId.get(item.ticketTypeId);
      const field = `quantity.${item.ticketTypeId}`;
      if (!type) throw new OrderError("not_found", "This ticket type no longer exists", field);
      if (type.event_status !== "published" || type.session_cancelled || type.starts_at <= new Date()) {
        throw new OrderError("not_on_sale", `${type.name} is no longer on sale`, field);
      }
      const remaining = type.capacity - type.sold - type.held;
      if (item.quantity > remaining) countOrderOutcome("sold_out");
      if (remaining <= 0) throw new OrderError("sold_out", `${type.name} is sold out`, field);
      if (item.quantity > remaining) {
        throw new OrderError("not_enough", `Only ${remaining} ${type.name} ${remaining === 1 ? "ticket is" : "tickets are"} left`, field);
      }
    }
    const sessions = new Set(types.map((type) => type.session_id));
    const currencies = new Set(types.map((type) => type.currency));
    if (sessions.size !== 1) throw new OrderError("invalid", "Choose tickets for one date at a time", "items");
    if (currencies.size !== 1) throw new OrderError("invalid", "These tickets are priced in different currencies", "items");

    const totalMinor = chosen.reduce((sum, item) => sum + byId.get(item.ticketTypeId)!.price_minor * item.quantity, 0);
    const [order] = await tx.$queryRaw<{ id: string; reference: string; hold_expires_at: Date }[]>`
      INSERT INTO orders (reference, user_id, event_id, total_minor, currency, hold_expires_at)
      VALUES (${newOrderReference()}, ${options.userId}::uuid, ${types[0].event_id}::uuid, ${totalMinor},
              ${types[0].currency}, now() + make_interval(mins => ${settings.HOLD_MINUTES}))
      RETURNING id, reference, hold_expires_at`;
    await tx.$executeRaw`
      INSERT INTO order_items (order_id, ticket_type_id, quantity, unit_price_minor)
      SELECT ${order.id}::uuid, t.id, t.quantity, tt.price_minor
        FROM unnest(${ids}::uuid[], ${chosen.map((item) => item.quantity)}::int[]) AS t(id, quantity)
        JOIN ticket_types tt ON tt.id = t.id`;
    await tx.$executeRaw`
      UPDATE ticket_types tt SET held = tt.held + t.quantity
        FROM unnest(${ids}::uuid[], ${chosen.map((item) => item.quantity)}::int[]) AS t(id, quantity)
       WHERE tt.id = t.id`;
    countOrderHold();

    const result: ReservedOrder = {
      id: order.id,
      reference: order.reference,
      status: "pending",
      totalMinor,
      currency: types[0].currency,
      holdExpiresAt: order.hold_expires_at,
    };
    if (totalMinor === 0) {
      await completeOrder(tx, { orderId: order.id, provider: "free", paymentRef: null });
      result.status = "paid";
    }
    return result;
  });
}

export async function lockTicketTypes(tx: Tx, sortedIds: string[]): Promise<void> {
  // ORDER BY sits below the row-locking step, so rows are locked in id order.
  await tx.$queryRaw`SELECT id FROM ticket_types WHERE id = ANY(${sortedIds}::uuid[]) ORDER BY id FOR UPDATE`;
}

async function readLockedTicketTypes(tx: Tx, ids: string[]): Promise<LockedTicketType[]> {
  return tx.$queryRaw<LockedTicketType[]>`
    SELECT tt.id, tt.name, tt.session_id, s.event_id, tt.price_minor, tt.currency, tt.capacity, tt.sold, tt.held,
           s.starts_at, s.cancelled AS session_cancelled, e.status::text AS event_status
      FROM ticket_types tt
      JOIN event_sessions s ON s.id = tt.session_id
      JOIN events e ON e.id = s.event_id
     WHERE tt.id = ANY(${ids}::uuid[])`;
}
