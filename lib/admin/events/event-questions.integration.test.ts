import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { createActor, eventInput } from "@/tests/admin-fixtures";
import { isAdminError } from "../errors";
import { createEvent } from "./create-event";
import { formDataToObject } from "./form-data";
import { getEventForm } from "./get-event-form";
import { updateEvent } from "./update-event";

const diet = {
  kind: "one_choice",
  label: "Diet",
  labelTranslations: { pt: "Dieta", es: "Dieta", ca: "Dieta", de: "Ernährung", en: "ignored: the event's own language" },
  options: [
    { label: "None", labelTranslations: { pt: "Nenhuma", de: "Keine" } },
    { id: "veg", label: "Vegetarian", labelTranslations: { pt: "Vegetariana", de: "" } },
  ],
  required: "on",
  showAtDoor: "on",
};

/** The edit form's values as a browser (or a JSON client that read them) sends them back. */
async function editInput(actor: Awaited<ReturnType<typeof createActor>>, eventId: string) {
  return (await getEventForm({ actor, eventId }))!;
}

describe("an event's questions, from the admin's form and JSON", () => {
  it("creates questions of the event and of a new ticket type, translated, in order; the storefront reads them", async () => {
    const admin = await createActor();
    const { input } = await eventInput({
      holderChangeCutoffMinutes: "30",
      questions: [
        diet,
        { kind: "number", label: "Child's age", ticketType: "sessions.0.ticketTypes.1", required: true, showAtDoor: true },
        { kind: "yes_no", label: "I agree to be photographed", perTicket: "on" },
        { kind: "long_text", label: "Anything else?", options: [{ label: "dropped" }] },
      ],
    });
    const saved = await createEvent({ actor: admin, input });
    const types = await prisma.ticketType.findMany({ where: { session: { eventId: saved.id } }, orderBy: { sortOrder: "asc" } });
    const stored = await prisma.eventQuestion.findMany({ where: { eventId: saved.id }, orderBy: { sortOrder: "asc" } });
    expect(stored.map(({ kind, label, required, perTicket, ticketTypeId, showAtDoor, sortOrder }) => ({ kind, label, required, perTicket, ticketTypeId, showAtDoor, sortOrder }))).toEqual([
      { kind: "one_choice", label: "Diet", required: true, perTicket: false, ticketTypeId: null, showAtDoor: true, sortOrder: 0 },
      { kind: "number", label: "Child's age", required: true, perTicket: true, ticketTypeId: types[1].id, showAtDoor: true, sortOrder: 1 },
      { kind: "yes_no", label: "I agree to be photographed", required: false, perTicket: true, ticketTypeId: null, showAtDoor: false, sortOrder: 2 },
      { kind: "long_text", label: "Anything else?", required: false, perTicket: false, ticketTypeId: null, showAtDoor: false, sortOrder: 3 },
    ]);
    expect(stored[0].labelTranslations).toEqual({ pt: "Dieta", es: "Dieta", ca: "Dieta", de: "Ernährung" });
    expect(stored[0].options).toEqual([
      { id: "none", label: "None", labelTranslations: { pt: "Nenhuma", de: "Keine" } },
      { id: "veg", label: "Vegetarian", labelTranslations: { pt: "Vegetariana" } },
    ]);
    expect(stored[3].options).toEqual([]);

    const page = (await getPublicEventBySlug(saved.slug, { locale: "de" }))!;
    expect(page.holderChangeCutoffMinutes).toBe(30);
    expect(page.questions.map((question) => question.label)).toEqual(["Diet", "Child's age", "I agree to be photographed", "Anything else?"]);

    const form = (await getEventForm({ actor: admin, eventId: saved.id }))!;
    expect(form.holderChangeCutoffMinutes).toBe("30");
    expect(form.questions[1]).toMatchObject({ kind: "number", ticketType: types[1].id, perTicket: true, required: true });
    expect(form.questions[0].options).toEqual([
      { key: "none", id: "none", saved: true, label: "None", labelTranslations: { pt: "Nenhuma", de: "Keine" } },
      { key: "veg", id: "veg", saved: true, label: "Vegetarian", labelTranslations: { pt: "Vegetariana" } },
    ]);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: saved.id, action: "event.create" } });
    expect(audit.after).toMatchObject({ holderChangeCutoffMinutes: 30, questions: [{ label: "Diet" }, { label: "Child's age" }, {}, {}] });
  });

  it("edits, reorders, adds and removes questions in one save; answers already given stay on their orders", async () => {
    const admin = await createActor();
    const { input } = await eventInput({ questions: [diet, { kind: "short_text", label: "Company" }, { kind: "date", label: "Birthday", perTicket: true }] });
    const saved = await createEvent({ actor: admin, input });
    const before = await prisma.eventQuestion.findMany({ where: { eventId: saved.id }, orderBy: { sortOrder: "asc" } });
    // An order that answered the question about to be removed (the buyer side keeps answers by question id).
    const order = await prisma.order.create({
      data: { eventId: saved.id, reference: `T-${saved.id.slice(0, 8)}`, status: "paid", paidAt: new Date(), holdExpiresAt: new Date(), totalMinor: 0, currency: "EUR", buyerEmail: "ana@example.test", buyerName: "Ana", answers: { [before[1].id]: "ACME", [before[0].id]: "veg" } },
    });

    const edit = await editInput(admin, saved.id);
    const types = edit.sessions[0].ticketTypes;
    edit.questions = [
      { ...edit.questions[2], label: "Date of birth", ticketType: types[0].id },
      { ...edit.questions[0], options: [...edit.questions[0].options, { key: "x", id: "", saved: false, label: "Vegan", labelTranslations: { de: "Vegan" } }] },
      { key: "new", id: "", kind: "several_choices", label: "Languages you speak", labelTranslations: {}, options: [{ key: "a", id: "en", saved: false, label: "English", labelTranslations: {} }], required: false, perTicket: false, ticketType: "", showAtDoor: false },
    ];
    edit.holderChangeCutoffMinutes = "0";
    await updateEvent({ actor: admin, eventId: saved.id, input: edit });

    const after = await prisma.eventQuestion.findMany({ where: { eventId: saved.id }, orderBy: { sortOrder: "asc" } });
    expect(after.map((question) => [question.id === before[2].id, question.id === before[0].id, question.label, question.ticketTypeId])).toEqual([
      [true, false, "Date of birth", types[0].id],
      [false, true, "Diet", null],
      [false, false, "Languages you speak", null],
    ]);
    expect((after[1].options as { id: string }[]).map((option) => option.id)).toEqual(["none", "veg", "vegan"]);
    expect((await prisma.event.findUniqueOrThrow({ where: { id: saved.id } })).holderChangeCutoffMinutes).toBe(0);
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).answers).toEqual({ [before[1].id]: "ACME", [before[0].id]: "veg" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: saved.id, action: "event.update" } });
    expect((audit.before as { questions: unknown[] }).questions).toHaveLength(3);
    expect((audit.after as { questions: { label: string }[] }).questions.map((question) => question.label)).toEqual(["Date of birth", "Diet", "Languages you speak"]);
  });

  it("removes a ticket type's questions only with the ticket type, and never keeps a question on a removed type", async () => {
    const admin = await createActor();
    const { input } = await eventInput({ questions: [{ kind: "number", label: "Age", ticketType: "sessions.0.ticketTypes.1" }] });
    const saved = await createEvent({ actor: admin, input });
    const edit = await editInput(admin, saved.id);
    edit.sessions[0].ticketTypes = edit.sessions[0].ticketTypes.slice(0, 1);
    const error = await updateEvent({ actor: admin, eventId: saved.id, input: edit }).catch((e) => e);
    expect(isAdminError(error) && error.fieldErrors).toEqual({ "questions.0.ticketType": "Choose a ticket type of this event" });

    edit.questions = [];
    await updateEvent({ actor: admin, eventId: saved.id, input: edit });
    expect(await prisma.eventQuestion.count({ where: { eventId: saved.id } })).toBe(0);
  });

  it("refuses bad questions with a message per field, saving nothing", async () => {
    const admin = await createActor();
    const { input } = await eventInput({
      holderChangeCutoffMinutes: "-1",
      questions: [
        { kind: "one_choice", label: "Diet", options: [] },
        { kind: "several_choices", label: "Languages", options: [{ id: "en", label: "English" }, { id: "en", label: "Also English" }] },
        { kind: "short_text", label: "", perTicket: "on" },
        { kind: "number", label: "Age", ticketType: "sessions.3.ticketTypes.0" },
      ],
    });
    const error = await createEvent({ actor: admin, input }).catch((e) => e);
    expect(isAdminError(error) && error.code).toBe("validation_failed");
    expect(error.fieldErrors).toEqual({
      holderChangeCutoffMinutes: "Use 0 or more",
      "questions.0.options": "Add at least one choice",
      "questions.1.options.1.id": "Another choice of this question has this id",
      "questions.2.label": "Enter the question",
      "questions.3.ticketType": "Choose a ticket type of this event",
    });
    expect(await prisma.event.count({ where: { slug: input.slug as string } })).toBe(0);
  });

  it("refuses a question of another event, or one removed meanwhile", async () => {
    const admin = await createActor();
    const other = await createEvent({ actor: admin, input: (await eventInput({ questions: [{ kind: "short_text", label: "Company" }] })).input });
    const foreign = await prisma.eventQuestion.findFirstOrThrow({ where: { eventId: other.id } });
    const saved = await createEvent({ actor: admin, input: (await eventInput()).input });
    const edit = await editInput(admin, saved.id);
    edit.questions = [{ key: "x", id: foreign.id, kind: "short_text", label: "Company (stolen)", labelTranslations: {}, options: [], required: false, perTicket: false, ticketType: "", showAtDoor: false }];
    const error = await updateEvent({ actor: admin, eventId: saved.id, input: edit }).catch((e) => e);
    expect(error.fieldErrors).toEqual({ "questions.0.label": "This question was removed meanwhile; reload the page" });
    expect((await prisma.eventQuestion.findUniqueOrThrow({ where: { id: foreign.id } })).label).toBe("Company");
  });

  it("reads the form as a browser posts it: checkboxes, nested translations, a new type's place, a removed row's gap", async () => {
    const admin = await createActor();
    const { input } = await eventInput({ language: "pt" });
    const form: [string, string][] = [
      ["holderChangeCutoffMinutes", "240"],
      ["questions.0.label", "Dieta"],
      ["questions.0.kind", "several_choices"],
      ["questions.0.options.0.label", "Vegetariana"],
      ["questions.0.options.0.id", ""],
      ["questions.0.options.2.label", "Sem glúten"],
      ["questions.0.options.2.id", "sem-gluten"],
      ["questions.0.options.2.labelTranslations.en", "Gluten free"],
      ["questions.0.ticketType", ""],
      ["questions.0.perTicket", "on"],
      ["questions.0.showAtDoor", "on"],
      ["questions.0.labelTranslations.en", "Diet"],
      ["questions.0.labelTranslations.de", ""],
      ["questions.1.label", "Idade"],
      ["questions.1.kind", "number"],
      ["questions.1.ticketType", "sessions.0.ticketTypes.0"],
      ["questions.1.required", "on"],
    ];
    const saved = await createEvent({ actor: admin, input: { ...input, ...formDataToObject(form) } });
    const stored = await prisma.eventQuestion.findMany({ where: { eventId: saved.id }, orderBy: { sortOrder: "asc" } });
    const [type] = await prisma.ticketType.findMany({ where: { session: { eventId: saved.id } }, orderBy: { sortOrder: "asc" } });
    expect(stored.map(({ label, kind, perTicket, required, showAtDoor, ticketTypeId, labelTranslations, options }) => ({ label, kind, perTicket, required, showAtDoor, ticketTypeId, labelTranslations, options }))).toEqual([
      {
        label: "Dieta", kind: "several_choices", perTicket: true, required: false, showAtDoor: true, ticketTypeId: null, labelTranslations: { en: "Diet" },
        options: [{ id: "vegetariana", label: "Vegetariana", labelTranslations: {} }, { id: "sem-gluten", label: "Sem glúten", labelTranslations: { en: "Gluten free" } }],
      },
      { label: "Idade", kind: "number", perTicket: true, required: true, showAtDoor: false, ticketTypeId: type.id, labelTranslations: {}, options: [] },
    ]);
    expect((await prisma.event.findUniqueOrThrow({ where: { id: saved.id } })).holderChangeCutoffMinutes).toBe(240);
  });
});
