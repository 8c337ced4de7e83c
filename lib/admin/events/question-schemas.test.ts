import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/errors/field-errors";
import { ticketTypePlace, ZQuestionInput } from "./question-schemas";
import { ZCreateEvent } from "./schemas";

const event = {
  title: "Walk", slug: "walk", summary: "A walk by the river", description: "A long walk by the river, with stops.",
  category: "tour", city: "Lisbon", neighbourhood: "Alfama", venueId: "8b0e7a8e-6f0c-4c41-9a39-1f3f3d1b8f10", imageAlt: "A river",
  sessions: [{ startsAt: "2030-05-01T10:00", endsAt: "2030-05-01T12:00", ticketTypes: [{ name: "Adult", price: "10", capacity: "10" }, { id: "0b0e7a8e-6f0c-4c41-9a39-1f3f3d1b8f11", name: "Child", price: "5", capacity: "10" }] }],
};

describe("question input", () => {
  it("reads a form's checkboxes and a choice's id from its label; drops choices of kinds without them", () => {
    const question = ZQuestionInput.parse({
      kind: "one_choice", label: " Diet ", required: "on", showAtDoor: "on",
      options: [{ label: "Vegetarian (no fish)" }, { id: "Vegan", label: "Vegan" }],
      labelTranslations: { pt: "Dieta", de: "" },
    });
    expect(question).toMatchObject({ label: "Diet", required: true, perTicket: false, ticketType: null, showAtDoor: true, labelTranslations: { pt: "Dieta", de: "" } });
    expect(question.options.map((option) => option.id)).toEqual(["vegetarian-no-fish", "vegan"]);
    expect(ZQuestionInput.parse({ kind: "short_text", label: "Name of your dog", options: [{ label: "x" }] }).options).toEqual([]);
  });

  it("asks a ticket type's question of each ticket, and says so when told otherwise", () => {
    expect(ZQuestionInput.parse({ kind: "number", label: "Age", ticketType: "sessions.0.ticketTypes.1" }).perTicket).toBe(true);
    const refused = ZQuestionInput.safeParse({ kind: "number", label: "Age", ticketType: "sessions.0.ticketTypes.1", perTicket: false });
    expect(fieldErrorsOf(refused.error!.issues)).toEqual({ perTicket: "A ticket type's question is asked of each of its tickets" });
  });

  it("names every problem of a question at its field", () => {
    const result = ZQuestionInput.safeParse({ kind: "several_choices", label: "", options: [] });
    expect(fieldErrorsOf(result.error!.issues)).toEqual({ label: "Enter the question", options: "Add at least one choice" });
    const twice = ZQuestionInput.safeParse({ kind: "several_choices", label: "Languages", options: [{ id: "en", label: "English" }, { id: "en", label: "Inglés" }, { label: "日本語" }, { id: "No Way!", label: "x" }] });
    expect(fieldErrorsOf(twice.error!.issues)).toEqual({
      "options.1.id": "Another choice of this question has this id",
      "options.2.id": "Enter an id for this choice (letters and digits)",
      "options.3.id": "Use lowercase letters, digits and single hyphens, like vegetarian",
    });
    expect(fieldErrorsOf(ZQuestionInput.safeParse({ kind: "essay", label: "Why?" }).error!.issues)).toEqual({ kind: "Choose what kind of answer" });
  });

  it("checks the event's questions together: each once, each ticket type one of the event", () => {
    const id = "1b0e7a8e-6f0c-4c41-9a39-1f3f3d1b8f12";
    const result = ZCreateEvent.safeParse({
      ...event,
      holderChangeCutoffMinutes: "50000",
      questions: [
        { id, kind: "yes_no", label: "Photos ok?" },
        { id, kind: "yes_no", label: "Photos ok? (again)" },
        { kind: "date", label: "Birthday", ticketType: "sessions.0.ticketTypes.5" },
        { kind: "date", label: "Birthday", ticketType: "2b0e7a8e-6f0c-4c41-9a39-1f3f3d1b8f13" },
      ],
    });
    expect(fieldErrorsOf(result.error!.issues)).toEqual({
      holderChangeCutoffMinutes: "Use at most 43200",
      "questions.1.id": "This question appears twice",
      "questions.2.ticketType": "Choose a ticket type of this event",
      "questions.3.ticketType": "Choose a ticket type of this event",
    });
    const parsed = ZCreateEvent.parse({ ...event, questions: [{ kind: "short_text", label: "Allergies", ticketType: "0b0e7a8e-6f0c-4c41-9a39-1f3f3d1b8f11" }] });
    expect(parsed.holderChangeCutoffMinutes).toBe(120);
    expect(ticketTypePlace(parsed.sessions, parsed.questions[0].ticketType!)).toEqual({ session: 0, type: 1 });
  });
});
