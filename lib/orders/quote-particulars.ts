// Holders and answers join the quote (issue 27.3–4): the places of a priced basket are matched
// with the holders the buyer gave and checked against the event's questions by the one check
// of lib/questions, so the buy panel's form and the JSON API refuse the same input the same way,
// before anything is held. Pure.
import { checkParticulars, type ParticularsInput } from "@/lib/questions/check-particulars";
import type { BookingQuote, Quote, QuoteResult, SaleRules, TicketQuote } from "./quote";

/** The ticket type of every place, in the order the buyer listed them (the holders follow it). */
export function placesOf(items: readonly { ticketTypeId: string; quantity: number }[]): string[] {
  return items.flatMap((item) => Array.from({ length: item.quantity }, () => item.ticketTypeId));
}

/**
 * The quote with its holders and answers, or the refusal naming every field at fault.
 * `places`: for tickets, each place's type in the buyer's order (placesOf); a booking has one.
 */
export function withParticulars<Q extends TicketQuote | BookingQuote>(
  rules: SaleRules,
  quoted: QuoteResult<Q>,
  input: ParticularsInput | undefined,
  places: readonly string[] = [],
): QuoteResult<Q> {
  if (!quoted.ok) return quoted;
  const quote: Quote = quoted.quote;
  const nothingToSay = !input?.holders?.length && input?.answers === undefined;
  if (nothingToSay && rules.questions.every((question) => !question.required)) return quoted;
  const [placeTypes, lineOrder] = quote.kind === "tickets" ? [places, quote.lines.map((line) => line.ticketTypeId)] : [[null], [null]];
  const checked = checkParticulars(rules.questions, placeTypes, input ?? {}, lineOrder);
  if (!checked.ok) return { ok: false, code: "particulars", problems: checked.problems };
  return { ok: true, quote: { ...quoted.quote, particulars: checked.particulars } };
}
