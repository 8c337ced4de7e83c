import { describe, expect, it } from "vitest";
import { instantAt } from "@/lib/time";
import type { SaleRules } from "./quote";
import { bookingRefusal, quoteBooking, slotStarts } from "./quote-booking";

const TIME_ZONE = "Europe/Berlin";
const rules = { opensMinute: 9 * 60, closesMinute: 18 * 60, slotMinutes: 30, minMinutes: 60, maxMinutes: 180, timeZone: TIME_ZONE };
const NOW = new Date("2026-12-07T12:00:00Z");
const code = (start: Date, minutes: number) => bookingRefusal(rules, start, minutes, NOW)?.code ?? "ok";

describe("slotStarts", () => {
  it("lists the slot starts at which a length fits", () => {
    expect(slotStarts(rules, 60).at(0)).toBe(9 * 60);
    expect(slotStarts(rules, 60).at(-1)).toBe(17 * 60);
    expect(slotStarts(rules, 180).at(-1)).toBe(15 * 60);
  });
});

describe("bookingRefusal", () => {
  it("accepts an aligned range inside opening hours, in the venue's time zone, summer and winter", () => {
    // 09:00 in Berlin is 07:00 UTC in June and 08:00 UTC in January.
    expect(instantAt("2027-06-02", 9 * 60, TIME_ZONE).toISOString()).toBe("2027-06-02T07:00:00.000Z");
    expect(code(instantAt("2027-06-02", 9 * 60, TIME_ZONE), 60)).toBe("ok");
    expect(code(instantAt("2027-06-02", 15 * 60, TIME_ZONE), 180)).toBe("ok");
    expect(code(instantAt("2027-01-12", 9 * 60, TIME_ZONE), 60)).toBe("ok");
    expect(code(new Date("2027-01-12T07:00:00Z"), 60)).toBe("outside_hours");
  });

  it.each([
    [9 * 60 + 10, 60, "misaligned"],
    [9 * 60, 45, "bad_length"],
    [9 * 60, 75, "bad_length_step"],
    [9 * 60, 30, "bad_length"],
    [9 * 60, 210, "bad_length"],
    [8 * 60 + 30, 60, "outside_hours"],
    [17 * 60, 90, "outside_hours"],
    [23 * 60, 120, "outside_hours"],
  ])("refuses start %i for %i minutes with %s", (minute, minutes, expected) => {
    expect(code(instantAt("2027-06-02", minute, TIME_ZONE), minutes)).toBe(expected);
  });

  it("refuses a start with seconds, and the past", () => {
    expect(code(new Date(instantAt("2027-06-02", 10 * 60, TIME_ZONE).getTime() + 1_000), 60)).toBe("misaligned");
    expect(code(instantAt("2026-05-31", 10 * 60, TIME_ZONE), 60)).toBe("in_past");
  });

  it("counts a range that ends past midnight as outside hours, also across a clock change", () => {
    const lateRules = { ...rules, opensMinute: 18 * 60, closesMinute: 24 * 60 };
    expect(bookingRefusal(lateRules, instantAt("2027-06-02", 23 * 60, TIME_ZONE), 60, NOW)).toBeNull();
    expect(bookingRefusal(lateRules, instantAt("2027-06-02", 23 * 60 + 30, TIME_ZONE), 60, NOW)?.code).toBe("outside_hours");
    // The night clocks go back (2027-10-31 in Berlin): 23:00 + 2 h ends at 00:00 local, next day.
    expect(bookingRefusal({ ...lateRules, maxMinutes: 240 }, instantAt("2027-10-30", 22 * 60, TIME_ZONE), 120, NOW)).toBeNull();
  });
});

describe("quoteBooking", () => {
  const sale: SaleRules = {
    eventId: "00000000-0000-0000-0000-000000000001",
    published: true,
    maxTicketsPerOrder: 10, holderChangeCutoffMinutes: 120, questions: [],
    ticketTypes: [],
    resources: [{ ...rules, id: "00000000-0000-0000-0000-0000000000aa", name: "Boat", priceMinorPerSlot: 1250, currency: "EUR" }],
  };
  it("prices a booking by its slots and keeps the rules it was made under", () => {
    const quoted = quoteBooking(sale, { resourceId: sale.resources[0].id, start: instantAt("2027-06-02", 10 * 60, TIME_ZONE), minutes: 90 }, { now: NOW, eventNamed: true });
    expect(quoted).toMatchObject({ ok: true, quote: { slots: 3, unitPriceMinor: 1250, totalMinor: 3750, currency: "EUR", places: 1, rules } });
  });
  it("refuses a resource it does not sell: not this event's when the caller named it, else not found", () => {
    const choice = { resourceId: "00000000-0000-0000-0000-0000000000bb", start: instantAt("2027-06-02", 10 * 60, TIME_ZONE), minutes: 60 };
    expect(quoteBooking(sale, choice, { now: NOW, eventNamed: true })).toMatchObject({ code: "not_in_event" });
    expect(quoteBooking(sale, choice, { now: NOW, eventNamed: false })).toMatchObject({ code: "not_found" });
    expect(quoteBooking({ ...sale, published: false }, { ...choice, resourceId: sale.resources[0].id }, { now: NOW, eventNamed: false })).toMatchObject({ code: "not_found" });
  });
});
