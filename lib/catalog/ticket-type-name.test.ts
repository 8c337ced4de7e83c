import { describe, expect, it } from "vitest";
import { readNameTranslations, ticketTypeNameIn } from "./ticket-type-name";

describe("ticketTypeNameIn", () => {
  const type = { name: "General admission", nameTranslations: { pt: "Entrada geral", de: "Eintritt", es: "  " } };

  it("gives the reader's language where translated, else the name as written", () => {
    expect(ticketTypeNameIn(type, "pt")).toBe("Entrada geral");
    expect(ticketTypeNameIn(type, "de")).toBe("Eintritt");
    expect(ticketTypeNameIn(type, "es")).toBe("General admission");
    expect(ticketTypeNameIn(type, "en")).toBe("General admission");
    expect(ticketTypeNameIn(type, undefined)).toBe("General admission");
    expect(ticketTypeNameIn({ name: "Stalls" }, "ca")).toBe("Stalls");
  });

  it("reads only known languages with a name from the stored json", () => {
    expect(readNameTranslations({ pt: "Entrada", xx: "?", de: 3, ca: "" })).toEqual({ pt: "Entrada" });
    expect(readNameTranslations(null)).toEqual({});
    expect(readNameTranslations(["pt"])).toEqual({});
  });
});
