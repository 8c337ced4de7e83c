import { describe, expect, it } from "vitest";
import { particularsFromForm } from "./particulars-from-form";

describe("particularsFromForm", () => {
  it("reads holders, their answers and the order's answers; several choices as a list; other fields left alone", () => {
    const form = new FormData();
    form.append("qty_x", "2");
    form.append("holders.1.name", "Bo");
    form.append("holders.1.ticketTypeId", "t1");
    form.append("holders.1.answers.diet", "veg");
    form.append("holders.0.email", "a@example.test");
    form.append("answers.languages", "pt");
    form.append("answers.languages", "en");
    form.append("answers.photos", "yes");
    form.append("answers.bad key", "x");
    expect(particularsFromForm(form)).toEqual({
      holders: [{ email: "a@example.test" }, { name: "Bo", ticketTypeId: "t1", answers: { diet: "veg" } }],
      answers: { languages: ["pt", "en"], photos: "yes" },
    });
  });

  it("is empty for a form without holders or answers", () => {
    expect(particularsFromForm(new FormData())).toEqual({ holders: undefined, answers: undefined });
  });
});
