import { describe, expect, it } from "vitest";
import { localiseEvent } from "./localise-event";

const fado = { title: "Fado à Noite", summary: "Fado na Mouraria.", description: "Uma noite de fado.", language: "pt" };
const english = { locale: "en", title: "Fado at Night", summary: "Fado in Mouraria.", description: "A night of fado." };

describe("localiseEvent", () => {
  it("shows the reader's translation when there is one", () => {
    expect(localiseEvent(fado, [english], "en")).toMatchObject({ title: "Fado at Night", language: "en", originalLanguage: "pt", untranslated: false });
  });

  it("shows the original to a reader of its own language, unflagged", () => {
    expect(localiseEvent(fado, [english], "pt")).toMatchObject({ title: "Fado à Noite", language: "pt", untranslated: false });
  });

  it("falls back to the original, flagged, when the reader's language is missing", () => {
    expect(localiseEvent(fado, [english], "de")).toMatchObject({ title: "Fado à Noite", language: "pt", originalLanguage: "pt", untranslated: true });
  });

  it("treats an unknown stored language as English and no reader as the original", () => {
    expect(localiseEvent({ ...fado, language: "xx" }, [], undefined)).toMatchObject({ language: "en", untranslated: false });
  });
});
