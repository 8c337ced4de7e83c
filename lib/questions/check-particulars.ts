// What a buyer says besides the basket (issue 27.3–4): a holder for each ticket (a name,
// defaulting to the buyer's, and an optional email) and the answers to the event's questions,
// once per order or per ticket. ONE check for the buy panel's form and the JSON API, run by
// the quote (lib/orders/quote-particulars.ts): both get the same problems, at the same paths
// (`holders.1.email`, `answers.<questionId>`; the API turns them into JSON Pointers).
// Pure and browser-safe.
import { MAX_LONG_TEXT, MAX_SHORT_TEXT, orderQuestions, ticketQuestions, type AnswerValue, type Answers, type Question } from "./question";

export type HolderInput = { ticketTypeId?: string | null; name?: unknown; email?: unknown; answers?: unknown };
export type ParticularsInput = { holders?: HolderInput[]; answers?: unknown };

/** One place's holder, as the commit keeps it and the tickets take it when issued. */
export type Attendee = { ticketTypeId: string | null; name: string | null; email: string | null; answers: Answers };
export type Particulars = { attendees: Attendee[]; answers: Answers };

export type ParticularsProblemReason =
  | "required"
  | "consent"
  | "too_long"
  | "not_a_choice"
  | "not_a_number"
  | "not_a_date"
  | "not_text"
  | "not_an_email"
  | "unknown_question"
  | "not_a_place"
  | "holders_needed";
export type ParticularsProblem = { path: string; reason: ParticularsProblemReason; max?: number };

export const MAX_HOLDER_NAME = 100;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function blank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "") || (Array.isArray(value) && value.length === 0);
}

/** One answer checked against its question: the value to keep, or why not. Blank: undefined. */
function checkAnswer(question: Question, raw: unknown): { value?: AnswerValue } | { reason: ParticularsProblemReason; max?: number } {
  if (question.kind === "yes_no") {
    const value = raw === true || raw === "true" || raw === "on" || raw === "yes";
    if (raw !== undefined && raw !== null && typeof raw !== "boolean" && !["true", "false", "on", "yes", "no", ""].includes(String(raw))) return { reason: "not_a_choice" };
    // A required yes/no is a consent: only yes answers it.
    if (question.required && !value) return { reason: "consent" };
    return { value };
  }
  if (blank(raw)) return question.required ? { reason: "required" } : {};
  switch (question.kind) {
    case "short_text":
    case "long_text": {
      if (typeof raw !== "string") return { reason: "not_text" };
      const max = question.kind === "short_text" ? MAX_SHORT_TEXT : MAX_LONG_TEXT;
      const value = raw.trim();
      return value.length > max ? { reason: "too_long", max } : { value };
    }
    case "one_choice":
      return typeof raw === "string" && question.options.some((option) => option.id === raw) ? { value: raw } : { reason: "not_a_choice" };
    case "several_choices": {
      const chosen = Array.isArray(raw) ? raw : [raw];
      if (!chosen.every((id) => typeof id === "string" && question.options.some((option) => option.id === id))) return { reason: "not_a_choice" };
      // Kept in the question's order, each once.
      return { value: question.options.map((option) => option.id).filter((id) => chosen.includes(id)) };
    }
    case "number": {
      const value = typeof raw === "number" ? raw : typeof raw === "string" ? Number(raw.trim().replace(",", ".")) : NaN;
      return Number.isFinite(value) && Math.abs(value) < 1e9 ? { value } : { reason: "not_a_number" };
    }
    case "date": {
      if (typeof raw !== "string" || !DATE.test(raw)) return { reason: "not_a_date" };
      const date = new Date(`${raw}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(raw) ? { value: raw } : { reason: "not_a_date" };
    }
  }
  return { reason: "not_a_choice" };
}

function checkAnswers(questions: Question[], raw: unknown, path: string, problems: ParticularsProblem[]): Answers {
  const given = isRecord(raw) ? raw : {};
  if (raw !== undefined && raw !== null && !isRecord(raw)) problems.push({ path, reason: "not_a_choice" });
  const answers: Answers = {};
  for (const id of Object.keys(given)) {
    if (!questions.some((question) => question.id === id)) problems.push({ path: `${path}.${id}`, reason: "unknown_question" });
  }
  for (const question of questions) {
    const checked = checkAnswer(question, given[question.id]);
    if ("reason" in checked) problems.push({ path: `${path}.${question.id}`, reason: checked.reason, ...(checked.max ? { max: checked.max } : {}) });
    else if (checked.value !== undefined) answers[question.id] = checked.value;
  }
  return answers;
}

function optionalText(value: unknown, path: string, max: number, problems: ParticularsProblem[]): string | null {
  if (blank(value)) return null;
  if (typeof value !== "string") {
    problems.push({ path, reason: "not_text" });
    return null;
  }
  const text = value.trim();
  if (text.length > max) problems.push({ path, reason: "too_long", max });
  return text;
}

/**
 * Checks holders and answers for the places of an order: `places` is the ticket type of each
 * place (null for a booking), in the order the holders are given. Holders are optional (a
 * place without one is the buyer's), unless a required question is asked of its ticket.
 * The attendees come out one per place, grouped by ticket type in `lineOrder` (the commit's
 * order), each type's in the order given.
 */
export function checkParticulars(
  questions: readonly Question[],
  places: readonly (string | null)[],
  input: ParticularsInput,
  lineOrder: readonly (string | null)[],
): { ok: true; particulars: Particulars } | { ok: false; problems: ParticularsProblem[] } {
  const problems: ParticularsProblem[] = [];
  const holders = input.holders ?? [];
  if (holders.length > places.length) problems.push({ path: `holders.${places.length}`, reason: "not_a_place" });
  const answers = checkAnswers(orderQuestions(questions), input.answers, "answers", problems);
  const attendees: Attendee[] = places.map((ticketTypeId, index) => {
    const holder = holders[index];
    const asked = ticketQuestions(questions, ticketTypeId);
    const path = `holders.${index}`;
    if (!holder) {
      if (asked.some((question) => question.required)) problems.push({ path, reason: "holders_needed" });
      return { ticketTypeId, name: null, email: null, answers: {} };
    }
    if (holder.ticketTypeId != null && holder.ticketTypeId !== ticketTypeId) problems.push({ path: `${path}.ticketTypeId`, reason: "not_a_place" });
    const name = optionalText(holder.name, `${path}.name`, MAX_HOLDER_NAME, problems);
    let email = optionalText(holder.email, `${path}.email`, 254, problems);
    if (email !== null) {
      email = email.toLowerCase();
      if (!EMAIL.test(email)) problems.push({ path: `${path}.email`, reason: "not_an_email" });
    }
    return { ticketTypeId, name, email, answers: checkAnswers(asked, holder.answers, `${path}.answers`, problems) };
  });
  if (problems.length > 0) return { ok: false, problems };
  const rank = (ticketTypeId: string | null) => lineOrder.indexOf(ticketTypeId);
  // A stable sort: each type's holders stay in the order given.
  return { ok: true, particulars: { attendees: attendees.sort((a, b) => rank(a.ticketTypeId) - rank(b.ticketTypeId)), answers } };
}
