import { describe, expect, it } from "vitest";
import { checkParticulars } from "./check-particulars";
import type { Question } from "./question";

const TYPE_A = "00000000-0000-4000-8000-00000000000a";
const TYPE_B = "00000000-0000-4000-8000-00000000000b";
const question = (id: string, kind: Question["kind"], extra: Partial<Question> = {}): Question => ({
  id,
  kind,
  label: id,
  options: [],
  required: false,
  perTicket: false,
  ticketTypeId: null,
  showAtDoor: false,
  ...extra,
});
const diet = question("diet", "one_choice", { perTicket: true, required: true, options: [{ id: "veg", label: "Vegetarian" }, { id: "any", label: "Anything" }] });
const age = question("age", "number", { perTicket: true, ticketTypeId: TYPE_B });
const consent = question("photos", "yes_no", { required: true });
const arrival = question("arrival", "date");
const languages = question("languages", "several_choices", { options: [{ id: "pt", label: "Portuguese" }, { id: "en", label: "English" }] });

describe("checkParticulars", () => {
  it("keeps holders per place, grouped in the commit's order, and answers per order", () => {
    const result = checkParticulars(
      [diet, age, consent, arrival, languages],
      [TYPE_B, TYPE_A, TYPE_B],
      {
        holders: [
          { name: " Kid One ", answers: { diet: "any", age: "7" } },
          { name: "Adult", email: " Adult@Example.TEST ", answers: { diet: "veg" } },
          { answers: { diet: "veg", age: 9 } },
        ],
        answers: { photos: "on", arrival: "2027-01-31", languages: ["en", "pt"] },
      },
      [TYPE_A, TYPE_B],
    );
    expect(result).toEqual({
      ok: true,
      particulars: {
        attendees: [
          { ticketTypeId: TYPE_A, name: "Adult", email: "adult@example.test", answers: { diet: "veg" } },
          { ticketTypeId: TYPE_B, name: "Kid One", email: null, answers: { diet: "any", age: 7 } },
          { ticketTypeId: TYPE_B, name: null, email: null, answers: { diet: "veg", age: 9 } },
        ],
        answers: { photos: true, arrival: "2027-01-31", languages: ["pt", "en"] },
      },
    });
  });

  it("names every field at fault, by its path", () => {
    const result = checkParticulars(
      [diet, age, consent, arrival],
      [TYPE_B, TYPE_A],
      {
        holders: [{ email: "nope", answers: { diet: "fish", age: "old", shoe: "42" } }],
        answers: { arrival: "2027-02-30" },
      },
      [TYPE_A, TYPE_B],
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: "answers.photos", reason: "consent" },
        { path: "answers.arrival", reason: "not_a_date" },
        { path: "holders.0.email", reason: "not_an_email" },
        { path: "holders.0.answers.shoe", reason: "unknown_question" },
        { path: "holders.0.answers.diet", reason: "not_a_choice" },
        { path: "holders.0.answers.age", reason: "not_a_number" },
        // The second ticket has no holder, and its holder must say a diet.
        { path: "holders.1", reason: "holders_needed" },
      ]),
    );
    expect(result.problems).toHaveLength(7);
  });

  it("refuses more holders than places, a holder of another type, and over-long text", () => {
    const note = question("note", "short_text", { perTicket: true });
    const result = checkParticulars([note], [TYPE_A], { holders: [{ ticketTypeId: TYPE_B, answers: { note: "x".repeat(201) } }, {}] }, [TYPE_A]);
    expect(result).toEqual({
      ok: false,
      problems: [
        { path: "holders.1", reason: "not_a_place" },
        { path: "holders.0.ticketTypeId", reason: "not_a_place" },
        { path: "holders.0.answers.note", reason: "too_long", max: 200 },
      ],
    });
  });

  it("asks nothing when the event asks nothing: every ticket is the buyer's", () => {
    expect(checkParticulars([], [TYPE_A, TYPE_A], {}, [TYPE_A])).toEqual({
      ok: true,
      particulars: { attendees: [0, 1].map(() => ({ ticketTypeId: TYPE_A, name: null, email: null, answers: {} })), answers: {} },
    });
  });
});
