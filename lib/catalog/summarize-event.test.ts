import { describe, expect, it } from "vitest";
import { summarizeEvent } from "./summarize-event";
import type { ResourceView, SessionView } from "./types";

function session(id: string, remaining: number, prices: number[], onSale = true): SessionView {
  return {
    id,
    startsAt: new Date("2026-12-12T20:00:00Z"),
    endsAt: new Date("2026-12-12T22:00:00Z"),
    remaining,
    onSale,
    ticketTypes: prices.map((priceMinor, index) => ({ id: `${id}-${index}`, name: `T${index}`, description: "", priceMinor, currency: "GBP", capacity: 50, remaining, salesStart: null, salesEnd: null, tiers: [], hidden: false })),
  };
}

const tour: ResourceView = { id: "r", name: "Tour", opensMinute: 540, closesMinute: 1080, slotMinutes: 30, minMinutes: 60, maxMinutes: 180, priceMinorPerSlot: 1200, currency: "EUR" };

describe("summarizeEvent", () => {
  it("leads with the first date on sale that has places, the lowest price and the places left", () => {
    const summary = summarizeEvent({ sessions: [session("started", 10, [500], false), session("full", 0, [1500]), session("next", 40, [2500, 1800])], resources: [] });
    expect(summary.nextSession?.id).toBe("next");
    expect(summary.moreDates).toBe(1);
    // The full date's €15 cannot be bought: "from" is the cheapest type with places left.
    expect(summary).toMatchObject({ priceFromMinor: 1800, currency: "GBP", remaining: 40, availability: "available" });
  });

  it("does not offer a sold-out ticket type's price (issue 33), unless every type is sold out", () => {
    const next = session("next", 40, [1200, 1800]);
    next.ticketTypes[0].remaining = 0;
    expect(summarizeEvent({ sessions: [next], resources: [] }).priceFromMinor).toBe(1800);
    expect(summarizeEvent({ sessions: [session("full", 0, [1200, 1800])], resources: [] }).priceFromMinor).toBe(1200);
  });

  it("says few left and sold out", () => {
    expect(summarizeEvent({ sessions: [session("a", 3, [1000])], resources: [] }).availability).toBe("few_left");
    const soldOut = summarizeEvent({ sessions: [session("a", 0, [1000])], resources: [] });
    expect(soldOut).toMatchObject({ availability: "sold_out", remaining: 0 });
    expect(soldOut.nextSession?.id).toBe("a");
  });

  it("prices a bookable experience per slot and has no places figure", () => {
    expect(summarizeEvent({ sessions: [], resources: [tour] })).toMatchObject({ nextSession: null, priceFromMinor: 1200, currency: "EUR", remaining: null, availability: "available" });
  });
});
