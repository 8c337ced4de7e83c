import { describe, expect, it } from "vitest";
import { formatDistance } from "./format-distance";

describe("formatDistance", () => {
  it("says metres, then kilometres with a decimal, then whole kilometres, per language", () => {
    expect(formatDistance(12, "en")).toBe("50 m");
    expect(formatDistance(430, "en")).toBe("450 m");
    expect(formatDistance(1049, "en")).toBe("1 km");
    expect(formatDistance(16_674, "en")).toBe("17 km");
    expect(formatDistance(2_460, "en")).toBe("2.5 km");
    expect(formatDistance(2_460, "pt")).toBe("2,5 km");
    expect(formatDistance(2_460, "de")).toBe("2,5 km");
  });
});
