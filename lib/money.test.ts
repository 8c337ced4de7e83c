import { describe, expect, it } from "vitest";
import { formatMoney } from "./money";

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
