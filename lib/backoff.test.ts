import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./backoff";

describe("backoffDelayMs", () => {
  it("doubles from the minimum up to the cap, and spreads each wait over its upper half", () => {
    expect([1, 2, 3, 4, 5, 50].map((attempt) => backoffDelayMs(attempt, 250, 2_000, () => 1))).toEqual([250, 500, 1_000, 2_000, 2_000, 2_000]);
    expect(backoffDelayMs(3, 250, 2_000, () => 0)).toBe(500);
    for (let i = 0; i < 100; i++) {
      const delay = backoffDelayMs(2, 250, 2_000);
      expect(delay).toBeGreaterThanOrEqual(250);
      expect(delay).toBeLessThanOrEqual(500);
    }
  });
});
