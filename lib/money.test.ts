import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { feeRefundMinor, formatMoney, platformFeeMinor } from "./money";

// Intl writes the narrow no-break space (U+202F) or no-break space (U+00A0) between amount and sign.
const spaces = (value: string) => value.replace(/[\u00a0\u202f]/g, " ");

describe("formatMoney", () => {
  it("writes prices as each reader writes them", () => {
    expect(formatMoney(1250, "EUR")).toBe("€12.50");
    expect(spaces(formatMoney(1250, "EUR", "pt"))).toBe("12,50 €");
    expect(spaces(formatMoney(1250, "EUR", "de"))).toBe("12,50 €");
    expect(spaces(formatMoney(120000, "GBP", "de"))).toBe("1.200 £");
    expect(formatMoney(120000, "GBP", "en")).toBe("£1,200");
  });

  it("says free in the reader's language", () => {
    expect([formatMoney(0, "EUR"), formatMoney(0, "EUR", "pt"), formatMoney(0, "EUR", "es"), formatMoney(0, "EUR", "ca"), formatMoney(0, "EUR", "de")]).toEqual(["Free", "Grátis", "Gratis", "Gratuït", "Kostenlos"]);
  });
});

describe("platformFeeMinor and feeRefundMinor (docs/decisions/0020)", () => {
  it("takes basis points half up plus a fixed amount per place, never more than the total", () => {
    expect(platformFeeMinor({ totalMinor: 4500, places: 3, percentBp: 1000, fixedMinor: 25 })).toBe(525);
    expect(platformFeeMinor({ totalMinor: 1050, places: 1, percentBp: 250, fixedMinor: 0 })).toBe(26); // 26.25
    expect(platformFeeMinor({ totalMinor: 1010, places: 1, percentBp: 250, fixedMinor: 0 })).toBe(25); // 25.25
    expect(platformFeeMinor({ totalMinor: 1020, places: 1, percentBp: 250, fixedMinor: 0 })).toBe(26); // 25.5 rounds up
    expect(platformFeeMinor({ totalMinor: 100, places: 2, percentBp: 500, fixedMinor: 99 })).toBe(100);
    expect(() => platformFeeMinor({ totalMinor: 100, places: 1, percentBp: 10_001, fixedMinor: 0 })).toThrow(RangeError);
  });

  it("gives back the whole fee, whatever the partial refunds, once the whole total is back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 0, max: 10_000 }), (total, weights, bp) => {
        const fee = platformFeeMinor({ totalMinor: total, places: 1, percentBp: bp, fixedMinor: 0 });
        const sum = weights.reduce((a, b) => a + b, 0);
        const parts = weights.map((weight) => Math.floor((total * weight) / sum));
        parts[parts.length - 1] += total - parts.reduce((a, b) => a + b, 0);
        let before = 0;
        let back = 0;
        for (const part of parts) {
          const share = feeRefundMinor({ feeMinor: fee, totalMinor: total, refundedBeforeMinor: before, refundMinor: part });
          expect(share).toBeGreaterThanOrEqual(0);
          back += share;
          before += part;
        }
        expect(back).toBe(fee);
      }),
    );
  });
});
