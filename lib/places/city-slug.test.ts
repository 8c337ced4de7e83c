import { describe, expect, it } from "vitest";
import { citySlug, isCitySlug } from "./city-slug";

describe("citySlug", () => {
  it("is lower case, without accents, words joined by hyphens", () => {
    expect(citySlug("Lisbon")).toBe("lisbon");
    expect(citySlug("New York")).toBe("new-york");
    expect(citySlug("Mérida")).toBe("merida");
    expect(citySlug("Düsseldorf")).toBe("dusseldorf");
    expect(citySlug(" L'Hospitalet de Llobregat ")).toBe("l-hospitalet-de-llobregat");
    expect(citySlug("Straße")).toBe("strasse");
  });

  it("refuses what no slug looks like", () => {
    expect(isCitySlug("new-york")).toBe(true);
    expect(isCitySlug("New-York")).toBe(false);
    expect(isCitySlug("a--b")).toBe(false);
    expect(isCitySlug("../etc")).toBe(false);
    expect(isCitySlug("x".repeat(81))).toBe(false);
  });
});
