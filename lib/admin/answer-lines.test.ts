import { describe, expect, it } from "vitest";
import type { Question } from "@/lib/questions/question";
import { answerLines, answerText, REMOVED_QUESTION } from "./answer-lines";

const base = { labelTranslations: {}, options: [], required: false, perTicket: false, ticketTypeId: null, showAtDoor: false };
const diet: Question = { ...base, id: "q-diet", kind: "several_choices", label: "Diet", options: [{ id: "veg", label: "Vegetarian" }, { id: "gf", label: "Gluten free" }] };
const photos: Question = { ...base, id: "q-photos", kind: "yes_no", label: "Photos" };
const age: Question = { ...base, id: "q-age", kind: "number", label: "Age", perTicket: true };

describe("answers as the admin reads them", () => {
  it("describes each answer by its question, choices by their labels", () => {
    expect(answerText(diet, ["veg", "gf"])).toBe("Vegetarian, Gluten free");
    expect(answerText(photos, false)).toBe("No");
    expect(answerText(age, 7)).toBe("7");
    expect(answerText(age, undefined)).toBe("");
  });

  it("still reads answers whose question changed or went", () => {
    // A choice removed since: its id. A question whose kind changed: the value as stored.
    expect(answerText(diet, ["veg", "vegan"])).toBe("Vegetarian, vegan");
    expect(answerText({ ...diet, kind: "one_choice" }, ["veg"])).toBe("veg");
    expect(answerLines([diet, photos], [diet, photos, age], { "q-photos": true, "q-age": 9, "q-gone": ["a", "b"], junk: { x: 1 } })).toEqual([
      { questionId: "q-diet", label: "Diet", text: "", removed: false },
      { questionId: "q-photos", label: "Photos", text: "Yes", removed: false },
      { questionId: "q-age", label: "Age", text: "9", removed: false },
      { questionId: "q-gone", label: REMOVED_QUESTION, text: "a, b", removed: true },
    ]);
    expect(answerLines([diet], [diet], null)).toEqual([{ questionId: "q-diet", label: "Diet", text: "", removed: false }]);
  });
});
