// The questions of an event as an admin writes them (issue 27.4): one schema for the form
// and the JSON routes, so both get the same messages at the same paths
// (`questions.2.options.0.id`). The buyer's answers are checked by lib/questions.
import { z } from "zod";
import { QUESTION_KINDS } from "@/lib/questions/question";
import { flag, optionalId, text, textTranslations } from "./schema-parts";
import { slugify } from "./slugify";

export const MAX_QUESTIONS = 30;
export const MAX_CHOICES = 50;
const CHOICE_KINDS: readonly string[] = ["one_choice", "several_choices"];
const CHOICE_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** A new ticket type has no id yet: a question names it by its place in the same input. */
const TYPE_PLACE = /^sessions\.(\d{1,3})\.ticketTypes\.(\d{1,3})$/;

export const ZQuestionOptionInput = z
  .object({
    /** Kept in the answers: once saved it should not change (the form shows it read-only). Blank: made from the label. */
    id: z.preprocess(
      (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
      z.string().trim().toLowerCase().max(40, "Use at most 40 characters").regex(CHOICE_ID, "Use lowercase letters, digits and single hyphens, like vegetarian").optional(),
    ),
    label: text("a choice", 1, 100),
    labelTranslations: textTranslations(100),
  })
  .transform((option) => ({ ...option, id: option.id ?? slugify(option.label, 40) }));

export const ZQuestionInput = z
  .object({
    id: optionalId,
    kind: z.enum(QUESTION_KINDS, { error: "Choose what kind of answer" }),
    label: text("the question", 1, 200),
    labelTranslations: textTranslations(200),
    /** The choices of one_choice and several_choices; ignored for the other kinds. */
    options: z.array(ZQuestionOptionInput).max(MAX_CHOICES, `Use at most ${MAX_CHOICES} choices`).default([]),
    required: flag.transform((value) => value ?? false),
    /** Asked of every ticket's holder; a question of one ticket type always is. */
    perTicket: flag,
    /** Asked only of the tickets of one type: its id, or a new type's place in this input (`sessions.0.ticketTypes.1`). */
    ticketType: z.preprocess(
      (value) => (value === "" || value === undefined ? null : value),
      z.string({ error: "Choose a ticket type of this event" }).trim().max(80).nullable(),
    ),
    showAtDoor: flag.transform((value) => value ?? false),
  })
  .superRefine((question, ctx) => {
    if (question.ticketType !== null && question.perTicket === false) {
      ctx.addIssue({ code: "custom", path: ["perTicket"], message: "A ticket type's question is asked of each of its tickets" });
    }
    if (!CHOICE_KINDS.includes(question.kind)) return;
    if (question.options.length === 0) ctx.addIssue({ code: "custom", path: ["options"], message: "Add at least one choice" });
    const seen = new Set<string>();
    question.options.forEach((option, index) => {
      if (option.id === "") ctx.addIssue({ code: "custom", path: ["options", index, "id"], message: "Enter an id for this choice (letters and digits)" });
      else if (seen.has(option.id)) ctx.addIssue({ code: "custom", path: ["options", index, "id"], message: "Another choice of this question has this id" });
      seen.add(option.id);
    });
  })
  .transform((question) => ({
    ...question,
    perTicket: question.ticketType !== null || (question.perTicket ?? false),
    options: CHOICE_KINDS.includes(question.kind) ? question.options : [],
  }));

export type QuestionInput = z.infer<typeof ZQuestionInput>;

type TypeRows = readonly { ticketTypes?: readonly { id?: string }[] }[];

/**
 * Where in `sessions` the ticket type a question names is: by its id (one kept in the same
 * input, so a removed type can't keep a question) or by its place. Null when it names none.
 */
export function ticketTypePlace(sessions: TypeRows, ref: string): { session: number; type: number } | null {
  const place = TYPE_PLACE.exec(ref);
  if (place) {
    const [session, type] = [Number(place[1]), Number(place[2])];
    return sessions[session]?.ticketTypes?.[type] ? { session, type } : null;
  }
  for (const [session, row] of sessions.entries()) {
    const type = (row?.ticketTypes ?? []).findIndex((candidate) => candidate?.id !== undefined && candidate.id === ref);
    if (type >= 0) return { session, type };
  }
  return null;
}

/** The event-wide rules of its questions: each question once, each ticket type one of this event. */
export function refineQuestions(event: { questions?: unknown; sessions?: unknown }, ctx: z.RefinementCtx) {
  const questions = (Array.isArray(event.questions) ? event.questions : []) as { id?: unknown; ticketType?: unknown }[];
  const sessions = (Array.isArray(event.sessions) ? event.sessions : []) as TypeRows;
  const ids = new Set<unknown>();
  questions.forEach((question, index) => {
    if (typeof question?.id === "string") {
      if (ids.has(question.id)) ctx.addIssue({ code: "custom", path: ["questions", index, "id"], message: "This question appears twice" });
      ids.add(question.id);
    }
    if (typeof question?.ticketType === "string" && question.ticketType !== "" && !ticketTypePlace(sessions, question.ticketType)) {
      ctx.addIssue({ code: "custom", path: ["questions", index, "ticketType"], message: "Choose a ticket type of this event" });
    }
  });
}
