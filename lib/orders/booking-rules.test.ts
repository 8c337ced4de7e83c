import { describe, expect, it } from "vitest";
import { instantAt } from "@/lib/time";
import { checkBookingRequest, slotStarts } from "./booking-rules";

const rules = { opensMinute: 9 * 60, closesMinute: 18 * 60, slotMinutes: 30, minMinutes: 60, maxMinutes: 180, timeZone: "Europe/Berlin" };
const now = new Date("2026-06-01T00:00:00Z");
const codeOf = (fn: () => void) => { try { fn(); return "ok"; } catch (error) { return (error as { code: string }).code; } };

describe("checkBookingRequest", () => {
  it("accepts an aligned range inside opening hours, in the venue's time zone", () => {
    // 09:00 in Berlin in June is 07:00 UTC.
    expect(instantAt("2026-06-02", 9 * 60, "Europe/Berlin").toISOString()).toBe("2026-06-02T07:00:00.000Z");
    expect(codeOf(() => checkBookingRequest(rules, instantAt("2026-06-02", 9 * 60, rules.timeZone), 60, now))).toBe("ok");
    expect(codeOf(() => checkBookingRequest(rules, instantAt("2026-06-02", 15 * 60, rules.timeZone), 180, now))).toBe("ok");
  });

  it.each([
    [9 * 60 + 10, 60, "misaligned"],
    [9 * 60, 45, "bad_length"],
    [9 * 60, 30, "bad_length"],
    [9 * 60, 210, "bad_length"],
    [8 * 60 + 30, 60, "outside_hours"],
    [17 * 60, 90, "outside_hours"],
    [23 * 60, 120, "outside_hours"],
  ])("refuses start %i for %i minutes with %s", (minute, minutes, code) => {
    expect(codeOf(() => checkBookingRequest(rules, instantAt("2026-06-02", minute, rules.timeZone), minutes, now))).toBe(code);
  });

  it("refuses the past", () => {
    expect(codeOf(() => checkBookingRequest(rules, instantAt("2026-05-31", 10 * 60, rules.timeZone), 60, now))).toBe("in_past");
  });

  it("lists the slot starts at which a length fits", () => {
    expect(slotStarts(rules, 60).at(0)).toBe(9 * 60);
    expect(slotStarts(rules, 60).at(-1)).toBe(17 * 60);
    expect(slotStarts(rules, 180).at(-1)).toBe(15 * 60);
  });
});
