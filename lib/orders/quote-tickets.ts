import type { QuoteLine, QuoteResult, SaleRules, TicketOffer, TicketQuote } from "./quote";
import type { OrderRefusal } from "./refusals";
import { voucherCovers, voucherTimeProblem, voucherUnitPrice, type VoucherOffer } from "./voucher";

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
 * The list price of `quantity` places of a type at `now`: the first tier still running (before
 * its instant, and with all these places fitting under its count), else the type's own price.
 * The commit decides the same under the type's lock (ticket_type_list_price.sql), so the buyer
 * who takes the last early place pays the early price and the next pays the next one.
 */
export function listPriceOf(offer: Pick<TicketOffer, "priceMinor" | "taken" | "tiers">, quantity: number, now: number): number {
  for (const tier of offer.tiers ?? []) {
    if (tier.until !== null && now >= tier.until) continue;
    if (tier.untilTaken !== null && (offer.taken ?? 0) + quantity > tier.untilTaken) continue;
    return tier.priceMinor;
  }
  return offer.priceMinor;
}

/** Is the type on sale at `now` by its own window (the event's and session's state aside)? */
export function saleWindowRefusal(offer: TicketOffer, now: number): OrderRefusal | null {
  if (offer.salesStart != null && now < offer.salesStart) return { ok: false, code: "not_on_sale_yet", ticketTypeId: offer.id, name: offer.name, opensAt: new Date(offer.salesStart).toISOString() };
  if (offer.salesEnd != null && now >= offer.salesEnd) return { ok: false, code: "not_on_sale", ticketTypeId: offer.id, name: offer.name };
  return null;
}

/**
 * Prices a selection of tickets under an event's rules at `now`: every type must be the event's
 * and on sale (published, session not cancelled and not started), all of one date and one
 * currency. `eventNamed`: the caller named the event, so an unknown type, or one of a session
 * that is over, is `not_in_event` (with every such id); otherwise it is `not_found`.
 */
export function quoteTickets(rules: SaleRules, items: TicketSelection, options: { now: Date; eventNamed: boolean; voucher?: VoucherOffer | null }): QuoteResult<TicketQuote> {
  if (options.eventNamed && !rules.published) return { ok: false, code: "event_not_found" };
  const chosen = normaliseSelection(items, rules.maxTicketsPerOrder);
  if (!Array.isArray(chosen)) return chosen;
  const now = options.now.getTime();
  const voucher = options.voucher ?? null;
  if (voucher) {
    const problem = voucherTimeProblem(voucher, now);
    if (problem) return { ok: false, code: "voucher", problem };
  }
  // A hidden type exists only for a buyer whose voucher reveals it (a presale, a guest list).
  const revealed = (offer: TicketOffer) => !offer.hidden || (voucher !== null && voucher.revealsHidden && voucherCovers(voucher, rules.eventId, offer));
  const offers = new Map(rules.ticketTypes.filter(revealed).map((offer) => [offer.id, offer]));
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
  let voucherPlaces = 0;
  let discountMinor = 0;
  for (const item of chosen) {
    const offer = offers.get(item.ticketTypeId);
    if (!offer) return { ok: false, code: "not_found", ticketTypeId: item.ticketTypeId };
    if (!rules.published || rules.hostTakesPayments === false || offer.cancelled || offer.startsAt <= now) return { ok: false, code: "not_on_sale", ticketTypeId: offer.id, name: offer.name };
    const window = saleWindowRefusal(offer, now);
    if (window) return window;
    if (sessionId !== undefined && sessionId !== offer.sessionId) return { ok: false, code: "several_sessions" };
    if (currency !== undefined && currency !== offer.currency) return { ok: false, code: "several_currencies" };
    sessionId = offer.sessionId;
    currency = offer.currency;
    const listPrice = listPriceOf(offer, item.quantity, now);
    if (voucher && voucherCovers(voucher, rules.eventId, offer)) {
      const unit = voucherUnitPrice(voucher, listPrice);
      voucherPlaces += item.quantity;
      discountMinor += (listPrice - unit) * item.quantity;
      lines.push({ ticketTypeId: offer.id, name: offer.name, quantity: item.quantity, unitPriceMinor: unit, totalMinor: unit * item.quantity, listUnitPriceMinor: listPrice });
    } else {
      lines.push({ ticketTypeId: offer.id, name: offer.name, quantity: item.quantity, unitPriceMinor: listPrice, totalMinor: listPrice * item.quantity });
    }
  }
  if (voucher && voucherPlaces === 0) return { ok: false, code: "voucher", problem: "not_applicable" };
  if (voucher && voucherPlaces > voucher.usesLeft) return { ok: false, code: "voucher", problem: "used_up" };
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
      ...(voucher ? { voucher: { id: voucher.id, code: voucher.code, places: voucherPlaces, discountMinor } } : {}),
    },
  };
}
