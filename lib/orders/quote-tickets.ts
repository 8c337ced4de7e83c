import type { QuoteLine, QuoteResult, SaleRules, TicketQuote } from "./quote";
import type { OrderRefusal } from "./refusals";

export type TicketSelection = { ticketTypeId: string; quantity: number }[];

/**
 * Sums repeated ticket types, drops zero quantities and checks the per-order limit; the lines
 * come out sorted by id, the lock order of the commit (two orders over the same types never
 * deadlock).
 */
export function normaliseSelection(items: TicketSelection, maxPerOrder: number): TicketSelection | OrderRefusal {
  const quantities = new Map<string, number>();
  for (const item of items) quantities.set(item.ticketTypeId, (quantities.get(item.ticketTypeId) ?? 0) + item.quantity);
  const chosen = [...quantities].filter(([, quantity]) => quantity > 0).map(([ticketTypeId, quantity]) => ({ ticketTypeId, quantity }));
  if (chosen.length === 0) return { ok: false, code: "choose_one" };
  const total = chosen.reduce((sum, item) => sum + item.quantity, 0);
  if (total > maxPerOrder) return { ok: false, code: "too_many", max: maxPerOrder };
  return chosen.sort((a, b) => (a.ticketTypeId < b.ticketTypeId ? -1 : 1));
}

/**
 * Prices a selection of tickets under an event's rules at `now`: every type must be the event's
 * and on sale (published, session not cancelled and not started), all of one date and one
 * currency. `eventNamed`: the caller named the event, so an unknown type, or one of a session
 * that is over, is `not_in_event` (with every such id); otherwise it is `not_found`.
 */
export function quoteTickets(rules: SaleRules, items: TicketSelection, options: { now: Date; eventNamed: boolean }): QuoteResult<TicketQuote> {
  if (options.eventNamed && !rules.published) return { ok: false, code: "event_not_found" };
  const chosen = normaliseSelection(items, rules.maxTicketsPerOrder);
  if (!Array.isArray(chosen)) return chosen;
  const now = options.now.getTime();
  const offers = new Map(rules.ticketTypes.map((offer) => [offer.id, offer]));
  if (options.eventNamed) {
    const foreign = chosen.filter((item) => {
      const offer = offers.get(item.ticketTypeId);
      return !offer || offer.cancelled || offer.endsAt <= now;
    });
    if (foreign.length > 0) return { ok: false, code: "not_in_event", ticketTypeId: foreign[0].ticketTypeId, foreignIds: foreign.map((item) => item.ticketTypeId) };
  }
  const lines: QuoteLine[] = [];
  let sessionId: string | undefined;
  let currency: string | undefined;
  for (const item of chosen) {
    const offer = offers.get(item.ticketTypeId);
    if (!offer) return { ok: false, code: "not_found", ticketTypeId: item.ticketTypeId };
    if (!rules.published || offer.cancelled || offer.startsAt <= now) return { ok: false, code: "not_on_sale", ticketTypeId: offer.id, name: offer.name };
    if (sessionId !== undefined && sessionId !== offer.sessionId) return { ok: false, code: "several_sessions" };
    if (currency !== undefined && currency !== offer.currency) return { ok: false, code: "several_currencies" };
    sessionId = offer.sessionId;
    currency = offer.currency;
    lines.push({ ticketTypeId: offer.id, name: offer.name, quantity: item.quantity, unitPriceMinor: offer.priceMinor, totalMinor: offer.priceMinor * item.quantity });
  }
  return {
    ok: true,
    quote: {
      kind: "tickets",
      eventId: rules.eventId,
      eventNamed: options.eventNamed,
      sessionId: sessionId!,
      currency: currency!,
      lines,
      totalMinor: lines.reduce((sum, line) => sum + line.totalMinor, 0),
      places: lines.reduce((sum, line) => sum + line.quantity, 0),
    },
  };
}
