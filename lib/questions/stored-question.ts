// A question as stored (a row of event_questions, its choices in jsonb) read back as a
// Question of lib/questions/question.ts. Pure: the admin's form, order page and attendee list read it.
import type { Question, QuestionKind, QuestionOption } from "./question";

/** The stored choices (jsonb) as options; anything else is dropped. */
export function readOptions(value: unknown): QuestionOption[] {
  if (!Array.isArray(value)) return [];
  return value.filter((option): option is QuestionOption => typeof option?.id === "string" && typeof option?.label === "string");
}

type StoredQuestion = {
  id: string;
  kind: QuestionKind;
  label: string;
  labelTranslations: unknown;
  options: unknown;
  required: boolean;
  perTicket: boolean;
  ticketTypeId: string | null;
  showAtDoor: boolean;
};

export function storedQuestion(row: StoredQuestion): Question {
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    labelTranslations: row.labelTranslations,
    options: readOptions(row.options),
    required: row.required,
    perTicket: row.perTicket,
    ticketTypeId: row.ticketTypeId,
    showAtDoor: row.showAtDoor,
  };
}

/** The columns storedQuestion reads, for a Prisma select. */
export const QUESTION_SELECT = { id: true, kind: true, label: true, labelTranslations: true, options: true, required: true, perTicket: true, ticketTypeId: true, showAtDoor: true } as const;

/** Questions in the order they are asked. */
export const QUESTION_ORDER = [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }] as const;
