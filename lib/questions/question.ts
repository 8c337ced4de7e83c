// A question an event asks its buyers (issue 27.4), as the quote, the buy panel, the API and
// the admin read it. Pure and browser-safe: the panel renders the same questions the server
// checks. Labels are written in the event's language; `labelTranslations` holds others.
import type { Locale } from "@/lib/i18n/locales";
import { readNameTranslations } from "@/lib/catalog/ticket-type-name";

export const QUESTION_KINDS = ["short_text", "long_text", "one_choice", "several_choices", "yes_no", "number", "date"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export type QuestionOption = { id: string; label: string; labelTranslations?: unknown };

export type Question = {
  id: string;
  kind: QuestionKind;
  label: string;
  labelTranslations?: unknown;
  /** Choices of the two choice kinds, in order. */
  options: QuestionOption[];
  required: boolean;
  /** Asked of every ticket (its holder) rather than once per order. */
  perTicket: boolean;
  /** Asked only of the tickets of this type (null: of every ticket, or of the order). */
  ticketTypeId: string | null;
  /** Shown to the door staff with the holder (a diet, an age). */
  showAtDoor: boolean;
};

/** A stored answer: text, a choice's id, several choices' ids, yes/no, a number, a date (YYYY-MM-DD). */
export type AnswerValue = string | string[] | boolean | number;
export type Answers = Record<string, AnswerValue>;

export const MAX_SHORT_TEXT = 200;
export const MAX_LONG_TEXT = 2000;

/** The label in `locale` where translated, else as written. */
export function questionLabelIn(question: { label: string; labelTranslations?: unknown }, locale: Locale | undefined): string {
  if (!locale) return question.label;
  return readNameTranslations(question.labelTranslations)[locale] ?? question.label;
}

/** Questions asked once per order. */
export function orderQuestions(questions: readonly Question[]): Question[] {
  return questions.filter((question) => !question.perTicket);
}

/** Questions asked of each ticket of `ticketTypeId` (null: a booking's one ticket). */
export function ticketQuestions(questions: readonly Question[], ticketTypeId: string | null): Question[] {
  return questions.filter((question) => question.perTicket && (question.ticketTypeId === null || question.ticketTypeId === ticketTypeId));
}

/** An answer as a person reads it (a choice's label, Yes/No in the caller's words), for lists and exports. */
export function describeAnswer(question: Question, value: AnswerValue | undefined, words: { yes: string; no: string }, locale?: Locale): string {
  if (value === undefined || value === "") return "";
  const option = (id: string) => question.options.find((candidate) => candidate.id === id);
  switch (question.kind) {
    case "yes_no":
      return value === true ? words.yes : words.no;
    case "one_choice":
      return typeof value === "string" ? (option(value) ? questionLabelIn(option(value)!, locale) : value) : "";
    case "several_choices":
      return Array.isArray(value) ? value.map((id) => (option(id) ? questionLabelIn(option(id)!, locale) : id)).join(", ") : "";
    default:
      return String(value);
  }
}
