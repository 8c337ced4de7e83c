import "server-only";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import type { Buyer } from "./buyer";
import type { ReservedOrder } from "./place-order";
import { quoteAndPlace } from "./quote-and-place";
import { findVoucher } from "./find-voucher";
import { fromRefusal } from "./refusals";
import { quoteTickets } from "./quote-tickets";
import { placesOf, withParticulars } from "./quote-particulars";
import type { ParticularsInput } from "@/lib/questions/check-particulars";

export type { ReservedOrder } from "./place-order";

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

/**
 * Holds tickets: quotes the selection (lib/orders/quote-tickets.ts) and commits it in one
 * database call (lib/orders/quote-and-place.ts). `eventId`: the event the caller names (the
 * API's path); a type of another event is refused. `expectedTotalMinor`: the total the buyer
 * was shown; another total is refused as `price_changed`. `locale`: kept on the order.
 */
export async function reserveTickets(options: {
  buyer: Buyer;
  input: ReserveTicketsInput;
  eventId?: string;
  locale?: Locale;
  expectedTotalMinor?: number;
  /** The request's key (an Idempotency-Key, a form's key): a retry gets the order it made. */
  requestKey?: string;
  /** Each ticket's holder, in the order of `items`, and the answers to the event's questions (lib/questions). */
  particulars?: ParticularsInput;
  /** A voucher code as typed (issue 28): priced by the quote, counted under its lock by the commit. */
  voucher?: string;
  now?: Date;
}): Promise<ReservedOrder> {
  const { items } = options.input;
  const eventNamed = options.eventId !== undefined;
  const typed = options.voucher?.trim() ? options.voucher : undefined;
  const voucher = typed === undefined ? null : await findVoucher(typed);
  if (typed !== undefined && !voucher) throw fromRefusal({ ok: false, code: "voucher", problem: "unknown" });
  return quoteAndPlace({
    key: options.eventId ? { eventId: options.eventId } : { ticketTypeId: items[0].ticketTypeId },
    quoteWith: (rules) => withParticulars(rules, quoteTickets(rules, items, { now: options.now ?? new Date(), eventNamed, voucher }), options.particulars, placesOf(items)),
    noEvent: eventNamed ? { ok: false, code: "event_not_found" } : { ok: false, code: "not_found", ticketTypeId: items[0].ticketTypeId },
    buyer: options.buyer,
    locale: options.locale,
    expectedTotalMinor: options.expectedTotalMinor,
    requestKey: options.requestKey,
  });
}
