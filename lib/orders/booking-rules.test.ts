import { describe, expect, it } from "vitest";
import { slotStarts } from "./booking-rules";

const rules = { opensMinute: 9 * 60, closesMinute: 18 * 60, slotMinutes: 30, minMinutes: 60, maxMinutes: 180, timeZone: "Europe/Berlin" };

describe("slotStarts", () => {
  it("lists the slot starts at which a length fits", () => {
    expect(slotStarts(rules, 60).at(0)).toBe(9 * 60);
    expect(slotStarts(rules, 60).at(-1)).toBe(17 * 60);
    expect(slotStarts(rules, 180).at(-1)).toBe(15 * 60);
  });
});
