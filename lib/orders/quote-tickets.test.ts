import { describe, expect, it } from "vitest";
import type { SaleRules, TicketOffer } from "./quote";
import { normaliseSelection, quoteTickets } from "./quote-tickets";

const NOW = new Date("2026-12-07T12:00:00Z");
const DAY = 86_400_000;
const id = (n: number) => `00000000-0000-0000-0000-${String(n).padStart(12, "0")}`;
const offer = (n: number, overrides: Partial<TicketOffer> = {}): TicketOffer => ({
  id: id(n),
  name: `Type ${n}`,
  priceMinor: 1000 * n,
  currency: "EUR",
  sessionId: id(100),
  startsAt: NOW.getTime() + DAY,
  endsAt: NOW.getTime() + DAY + 7_200_000,
  cancelled: false,
  ...overrides,
});
const rules = (offers: TicketOffer[], published = true): SaleRules => ({ eventId: id(999), published, maxTicketsPerOrder: 10, holderChangeCutoffMinutes: 120, questions: [], ticketTypes: offers, resources: [] });
const quote = (sale: SaleRules, items: { ticketTypeId: string; quantity: number }[], eventNamed = false) => quoteTickets(sale, items, { now: NOW, eventNamed });

describe("normaliseSelection", () => {
  it("sums repeated types, drops zeros and sorts by id (the commit's lock order)", () => {
    expect(normaliseSelection([{ ticketTypeId: id(2), quantity: 1 }, { ticketTypeId: id(1), quantity: 0 }, { ticketTypeId: id(2), quantity: 2 }, { ticketTypeId: id(1), quantity: 1 }], 10)).toEqual([
      { ticketTypeId: id(1), quantity: 1 },
      { ticketTypeId: id(2), quantity: 3 },
    ]);
  });
  it("refuses nothing chosen and more than the per-order limit", () => {
    expect(normaliseSelection([{ ticketTypeId: id(1), quantity: 0 }], 10)).toMatchObject({ code: "choose_one" });
    expect(normaliseSelection([{ ticketTypeId: id(1), quantity: 6 }, { ticketTypeId: id(2), quantity: 5 }], 10)).toMatchObject({ code: "too_many", max: 10 });
  });
});

describe("quoteTickets", () => {
  it("prices each line at the type's price, in the lock order, with the total and the places", () => {
    const quoted = quote(rules([offer(1), offer(2)]), [{ ticketTypeId: id(2), quantity: 2 }, { ticketTypeId: id(1), quantity: 1 }]);
    expect(quoted).toEqual({
      ok: true,
      quote: {
        kind: "tickets",
        eventId: id(999),
        eventNamed: false,
        sessionId: id(100),
        currency: "EUR",
        lines: [
          { ticketTypeId: id(1), name: "Type 1", quantity: 1, unitPriceMinor: 1000, totalMinor: 1000 },
          { ticketTypeId: id(2), name: "Type 2", quantity: 2, unitPriceMinor: 2000, totalMinor: 4000 },
        ],
        totalMinor: 5000,
        places: 3,
      },
    });
  });

  it("refuses types not on sale: a draft event, a cancelled or started session", () => {
    expect(quote(rules([offer(1)], false), [{ ticketTypeId: id(1), quantity: 1 }])).toMatchObject({ code: "not_on_sale", name: "Type 1" });
    expect(quote(rules([offer(1, { cancelled: true })]), [{ ticketTypeId: id(1), quantity: 1 }])).toMatchObject({ code: "not_on_sale" });
    expect(quote(rules([offer(1, { startsAt: NOW.getTime() })]), [{ ticketTypeId: id(1), quantity: 1 }])).toMatchObject({ code: "not_on_sale" });
  });

  it("refuses an unknown type: not found from the store's forms, not this event's (every such id) from the API", () => {
    const sale = rules([offer(1), offer(2, { endsAt: NOW.getTime() - 1 })]);
    const items = [{ ticketTypeId: id(1), quantity: 1 }, { ticketTypeId: id(2), quantity: 1 }, { ticketTypeId: id(3), quantity: 1 }];
    expect(quote(sale, [{ ticketTypeId: id(3), quantity: 1 }])).toMatchObject({ code: "not_found", ticketTypeId: id(3) });
    expect(quote(sale, items, true)).toMatchObject({ code: "not_in_event", foreignIds: [id(2), id(3)] });
    expect(quote(rules([offer(1)], false), [{ ticketTypeId: id(1), quantity: 1 }], true)).toMatchObject({ code: "event_not_found" });
  });

  it("refuses two dates or two currencies in one order", () => {
    expect(quote(rules([offer(1), offer(2, { sessionId: id(101) })]), [{ ticketTypeId: id(1), quantity: 1 }, { ticketTypeId: id(2), quantity: 1 }])).toMatchObject({ code: "several_sessions" });
    expect(quote(rules([offer(1), offer(2, { currency: "GBP" })]), [{ ticketTypeId: id(1), quantity: 1 }, { ticketTypeId: id(2), quantity: 1 }])).toMatchObject({ code: "several_currencies" });
  });
});
