import "server-only";
import { z } from "zod";
import type { Locale } from "@/lib/i18n/locales";
import type { Buyer } from "./buyer";
import { OrderError } from "./errors";
import type { ReservedOrder } from "./place-order";
import { quoteAndPlace } from "./quote-and-place";
import { quoteBooking } from "./quote-booking";
import { withParticulars } from "./quote-particulars";
import { rangeOfferFor } from "./waitlist-offer-code";
import type { ParticularsInput } from "@/lib/questions/check-particulars";

export const ZReserveBooking = z.object({
  resourceId: z.uuid("Unknown experience"),
  start: z.iso.datetime({ offset: true, error: "Choose a start time" }).transform((value) => new Date(value)),
  // Bounded so it always fits the database's int; the resource's own limits are the quote's.
  minutes: z.coerce.number({ error: "Choose a length" }).int("Choose a length").min(1, "Choose a length").max(10_080, "Choose a length"),
  /** The code of a waiting-list offer for exactly this range (docs/decisions/0021). */
  offerCode: z.string().trim().max(64).optional().describe("A waiting-list offer's code (its email): books the time range the offer holds, exactly that range"),
});
export type ReserveBookingInput = z.input<typeof ZReserveBooking>;

/**
 * Quote, then commit, for a time range of a bookable experience: the booking rules are checked
 * by the quote (lib/orders/quote-booking.ts) in the venue's time zone, without a database call
 * when the event's rules are kept; the commit checks that those rules and the price are still
 * the resource's, then that no live booking overlaps, locks the resource's row, checks again,
 * gives back expired holds in the range and writes the pending order and the held booking. The
 * exclusion constraint backs the overlap check.
 */
export async function reserveBooking(options: {
  buyer: Buyer;
  input: z.output<typeof ZReserveBooking>;
  eventId?: string;
  locale?: Locale;
  expectedTotalMinor?: number;
  /** The request's key (an Idempotency-Key, a form's key): a retry gets the order it made. */
  requestKey?: string;
  /** The booking's holder and the answers to the event's questions (lib/questions). */
  particulars?: ParticularsInput;
  now?: Date;
}): Promise<ReservedOrder> {
  const { resourceId, start, minutes, offerCode } = options.input;
  if (Number.isNaN(start.getTime())) throw new OrderError("invalid", "Choose a start time", "start").says("chooseStart");
  const eventNamed = options.eventId !== undefined;
  // A waiting-list offer's code names the offer that holds this range for the buyer; a wrong or
  // ended code names none, and the range is then as taken for them as for anyone.
  const waitlistEntryId = offerCode ? await rangeOfferFor({ resourceId, start, end: new Date(start.getTime() + minutes * 60_000), code: offerCode }) : null;
  return quoteAndPlace({
    key: options.eventId ? { eventId: options.eventId } : { resourceId },
    quoteWith: (rules) => {
      const quoted = quoteBooking(rules, { resourceId, start, minutes }, { now: options.now ?? new Date(), eventNamed });
      return withParticulars(rules, quoted.ok && waitlistEntryId ? { ok: true, quote: { ...quoted.quote, waitlistEntryId } } : quoted, options.particulars);
    },
    // An unknown event named by the API path is, for a resource, "not a resource of this event".
    noEvent: { ok: false, code: eventNamed ? "not_in_event" : "not_found" },
    buyer: options.buyer,
    locale: options.locale,
    expectedTotalMinor: options.expectedTotalMinor,
    requestKey: options.requestKey,
  });
}
