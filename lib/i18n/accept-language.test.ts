import { describe, expect, it } from "vitest";
import { localeFromAcceptLanguage } from "./accept-language";

describe("localeFromAcceptLanguage", () => {
  it("takes the highest-weighted storefront language, matching on the primary tag", () => {
    expect(localeFromAcceptLanguage("pt-PT,pt;q=0.9,en;q=0.8")).toBe("pt");
    expect(localeFromAcceptLanguage("fr-FR, de;q=0.5, en;q=0.7")).toBe("en");
    expect(localeFromAcceptLanguage("ca-ES;q=0.9, es;q=0.8")).toBe("ca");
    expect(localeFromAcceptLanguage("en;q=0.1, de;q=0.9")).toBe("de");
  });

  it("is null when none of ours is asked for, or the header is missing or refuses them", () => {
    expect(localeFromAcceptLanguage(null)).toBeNull();
    expect(localeFromAcceptLanguage("fr, it;q=0.5")).toBeNull();
    expect(localeFromAcceptLanguage("*")).toBeNull();
    expect(localeFromAcceptLanguage("pt;q=0")).toBeNull();
  });
});
