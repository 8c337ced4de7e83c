// The rules of booking a time range (reference/time-availability-implementations.txt): a length
// within min and max and a whole number of slots, not in the past, a start on the slot grid
// from opening time, inside opening hours on one local day, all in the venue's time zone. The
// commit (`order_quoted_booking_refusal`) checks that these rules and the price are still the
// resource's, and the overlap under the resource's lock.
import { localDateAndMinute } from "@/lib/time";
import type { BookingOffer, BookingQuote, BookingRules, QuoteResult, SaleRules } from "./quote";
import type { OrderRefusal } from "./refusals";

/** Start minutes of every slot of a day at which a booking of `minutes` fits in opening hours. */
export function slotStarts(rules: BookingRules, minutes: number): number[] {
  const starts: number[] = [];
  for (let minute = rules.opensMinute; minute + minutes <= rules.closesMinute; minute += rules.slotMinutes) starts.push(minute);
  return starts;
}

/** Why a booking may not last `minutes`, or null. */
type LengthRules = Pick<BookingRules, "minMinutes" | "maxMinutes" | "slotMinutes">;

export function lengthRefusal(rules: LengthRules, minutes: number): OrderRefusal | null {
  if (!Number.isInteger(minutes) || minutes < rules.minMinutes || minutes > rules.maxMinutes) return { ok: false, code: "bad_length", min: rules.minMinutes, max: rules.maxMinutes };
  if (minutes % rules.slotMinutes !== 0) return { ok: false, code: "bad_length_step", step: rules.slotMinutes };
  return null;
}

const DAY_MS = 86_400_000;

/** Why a range of `minutes` from `start` may not be booked under these rules at `now`, or null. */
export function bookingRefusal(rules: BookingRules, start: Date, minutes: number, now: Date): OrderRefusal | null {
  const length = lengthRefusal(rules, minutes);
  if (length) return length;
  if (start.getTime() <= now.getTime()) return { ok: false, code: "in_past" };
  const from = localDateAndMinute(start, rules.timeZone);
  const to = localDateAndMinute(new Date(start.getTime() + minutes * 60_000), rules.timeZone);
  if (start.getTime() % 60_000 !== 0 || (from.minute - rules.opensMinute) % rules.slotMinutes !== 0) return { ok: false, code: "misaligned", step: rules.slotMinutes };
  const days = Math.round((Date.parse(to.date) - Date.parse(from.date)) / DAY_MS);
  if (from.minute < rules.opensMinute || to.minute + days * 1440 > rules.closesMinute) return { ok: false, code: "outside_hours" };
  return null;
}

/** Every length a booking may have, shortest first. */
export function bookableLengths(rules: LengthRules): number[] {
  const lengths: number[] = [];
  for (let length = rules.minMinutes; length <= rules.maxMinutes; length += rules.slotMinutes) if (!lengthRefusal(rules, length)) lengths.push(length);
  return lengths;
}

/** What a booking of `minutes` costs: the price of each slot it covers. */
export function bookingPriceMinor(offer: Pick<BookingOffer, "slotMinutes" | "priceMinorPerSlot">, minutes: number): number {
  return (minutes / offer.slotMinutes) * offer.priceMinorPerSlot;
}

export function rulesOf(offer: BookingOffer): BookingRules {
  const { opensMinute, closesMinute, slotMinutes, minMinutes, maxMinutes, timeZone } = offer;
  return { opensMinute, closesMinute, slotMinutes, minMinutes, maxMinutes, timeZone };
}

/**
 * Prices a booking of a resource under an event's rules at `now`. `eventNamed`: as for tickets,
 * a resource of another event is `not_in_event` when the caller named the event.
 */
export function quoteBooking(
  rules: SaleRules,
  choice: { resourceId: string; start: Date; minutes: number },
  options: { now: Date; eventNamed: boolean },
): QuoteResult<BookingQuote> {
  const offer = rules.resources.find((resource) => resource.id === choice.resourceId);
  if (!offer) return { ok: false, code: options.eventNamed ? "not_in_event" : "not_found" };
  if (!rules.published) return { ok: false, code: "not_found" };
  if (rules.hostTakesPayments === false) return { ok: false, code: "not_on_sale", name: offer.name };
  const refusal = bookingRefusal(offer, choice.start, choice.minutes, options.now);
  if (refusal) return refusal;
  const slots = choice.minutes / offer.slotMinutes;
  return {
    ok: true,
    quote: {
      kind: "booking",
      eventId: rules.eventId,
      eventNamed: options.eventNamed,
      resourceId: offer.id,
      start: choice.start,
      minutes: choice.minutes,
      slots,
      unitPriceMinor: offer.priceMinorPerSlot,
      currency: offer.currency,
      totalMinor: bookingPriceMinor(offer, choice.minutes),
      places: 1,
      rules: rulesOf(offer),
    },
  };
}
