import { describe, expect, it } from "vitest";
import { FUZZY_THRESHOLD, fuzzyThresholdFor } from "./search-events-sql";

describe("fuzzyThresholdFor", () => {
  it("asks less of short queries, whose every letter is a large share of their trigrams", () => {
    expect(fuzzyThresholdFor("gh")).toBeNull();
    expect(fuzzyThresholdFor("Ghst")).toBeLessThanOrEqual(0.4);
    expect(fuzzyThresholdFor("Alama")).toBeLessThanOrEqual(0.44);
    expect(fuzzyThresholdFor("Bemondsey")).toBe(FUZZY_THRESHOLD);
    expect(fuzzyThresholdFor("jaz festvl")).toBe(FUZZY_THRESHOLD);
  });

  it("counts letters and digits, not spaces or punctuation", () => {
    expect(fuzzyThresholdFor(" g-h ")).toBeNull();
    expect(fuzzyThresholdFor("Ölé!")).toBe(fuzzyThresholdFor("abc"));
  });
});
