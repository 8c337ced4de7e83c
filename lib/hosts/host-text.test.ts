import { describe, expect, it } from "vitest";
import { hostTextIn, readHostTranslations } from "./host-text";

describe("a host's name and story in the reader's language", () => {
  const host = { name: "Fado in Alfama", story: "Every night since 1962.", translations: { pt: { name: "Fado em Alfama", story: "Todas as noites desde 1962." }, de: { story: "Jeden Abend seit 1962." }, xx: { name: "?" } } };

  it("takes the translation where there is one, field by field, else the host's own words", () => {
    expect(hostTextIn(host, "pt")).toEqual({ name: "Fado em Alfama", story: "Todas as noites desde 1962." });
    expect(hostTextIn(host, "de")).toEqual({ name: "Fado in Alfama", story: "Jeden Abend seit 1962." });
    expect(hostTextIn(host, "es")).toEqual({ name: "Fado in Alfama", story: "Every night since 1962." });
    expect(hostTextIn(host, undefined)).toEqual({ name: "Fado in Alfama", story: "Every night since 1962." });
  });

  it("reads only known locales and non-blank strings from the stored JSON", () => {
    expect(readHostTranslations(host.translations)).toEqual({ pt: host.translations.pt, de: { story: "Jeden Abend seit 1962." } });
    expect(readHostTranslations(null)).toEqual({});
    expect(readHostTranslations([])).toEqual({});
    expect(readHostTranslations({ pt: { name: "  " } })).toEqual({});
  });
});
