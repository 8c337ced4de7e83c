import "server-only";
import { z } from "zod";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { sql } from "@/lib/db";
import { countOrderHold, countOrderOutcome } from "@/lib/ops/metrics";
import { currentRequestId } from "@/lib/ops/request-context";
import { newOrderReference } from "./codes";
import { OrderError } from "./errors";
import { fromReserveRefusal, type ReserveAnswer } from "./reserve-answer";
import { sweepWhenHoldExpires } from "./hold-expiry-timer";

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

/** Sums repeated ticket types and drops zero quantities; checks the per-order limit. */
export function normaliseSelection(items: ReserveTicketsInput["items"], maxPerOrder: number) {
  const quantities = new Map<string, number>();
  for (const item of items) quantities.set(item.ticketTypeId, (quantities.get(item.ticketTypeId) ?? 0) + item.quantity);
  const chosen = [...quantities].filter(([, quantity]) => quantity > 0).map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }));
  if (chosen.length === 0) throw new OrderError("invalid", "Choose at least one ticket", "items").says("chooseOne");
  const total = chosen.reduce((sum, item) => sum + item.quantity, 0);
  if (total > maxPerOrder) throw new OrderError("too_many", `You can buy at most ${maxPerOrder} tickets in one order`, "items").says("tooMany", { max: maxPerOrder });
  // A fixed lock order (by id) means two orders over the same types never deadlock.
  return chosen.sort((a, b) => (a.ticketTypeId < b.ticketTypeId ? -1 : 1));
}

/**
 * Holds places for a signed-in buyer: ONE call of `order_reserve_tickets`, which refuses
 * without a lock when it cannot succeed, else locks the ticket types in id order, checks
 * capacity, writes the pending order and counts the places as held, in one transaction.
 * A free order is confirmed at once (tickets issued, delivery queued). `eventId`: the event
 * the caller says these tickets are of (the API's path); a type of another event is refused.
 * `locale`: the language the buyer reads, kept on the order for the email and the PDF tickets.
 */
export async function reserveTickets(options: { userId: string; input: ReserveTicketsInput; eventId?: string; locale?: Locale }): Promise<ReservedOrder> {
  const settings = env();
  const chosen = normaliseSelection(options.input.items, settings.MAX_TICKETS_PER_ORDER);
  const [{ result }] = await sql<{ result: ReserveAnswer }>`
    SELECT order_reserve_tickets(
      ${options.userId}::uuid, ${options.eventId ?? null}::uuid,
      ${chosen.map((item) => item.ticketTypeId)}::uuid[], ${chosen.map((item) => item.quantity)}::int[],
      ${newOrderReference()}, ${settings.HOLD_MINUTES}::int, ${settings.MAX_HELD_PLACES_PER_USER}::int, ${currentRequestId() ?? null},
      ${options.locale ?? DEFAULT_LOCALE}
    ) AS result`;
  if (!result.ok) {
    if (result.code === "sold_out" || result.code === "not_enough") countOrderOutcome("sold_out");
    throw fromReserveRefusal(result);
  }
  countOrderHold();
  if (result.status === "paid") countOrderOutcome("sold");
  const holdExpiresAt = new Date(result.holdExpiresAt);
  if (result.status === "pending") sweepWhenHoldExpires(holdExpiresAt);
  return { ...result, holdExpiresAt };
}
