// Answers as the (English) admin reads them: on the order page and in the attendee list.
// Answers are kept by question id in jsonb, so a question removed or changed after an order
// answered it must still read: a removed question's answer is listed as "(removed question)"
// with its value as stored, and a value its question no longer describes (its kind or a choice
// changed) is shown as stored. Pure.
import { describeAnswer, type AnswerValue, type Question } from "@/lib/questions/question";

export const REMOVED_QUESTION = "(removed question)";
const WORDS = { yes: "Yes", no: "No" };

export type AnswerLine = { questionId: string; label: string; text: string; removed: boolean };

function isAnswerValue(value: unknown): value is AnswerValue {
  return ["string", "number", "boolean"].includes(typeof value) || (Array.isArray(value) && value.every((item) => typeof item === "string"));
}

/** Stored answers (jsonb) by question id; anything else is dropped. */
export function readAnswers(value: unknown): Record<string, AnswerValue> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, AnswerValue] => isAnswerValue(entry[1])));
}

/** A value as stored, for a person: choices' ids joined, yes/no in words. */
function rawText(value: AnswerValue): string {
  if (Array.isArray(value)) return value.join(", ");
  if (typeof value === "boolean") return value ? WORDS.yes : WORDS.no;
  return String(value);
}

/** One answer as text ("" when not answered). */
export function answerText(question: Question | undefined, value: AnswerValue | undefined): string {
  if (value === undefined) return "";
  if (!question) return rawText(value);
  return describeAnswer(question, value, WORDS) || rawText(value);
}

/**
 * A line per question `asked` (answered or not, in their order), then one per answer to a
 * question the event no longer has. `all`: every question of the event, so an answer to a
 * question asked elsewhere (moved between order and ticket) still finds its label.
 */
export function answerLines(asked: readonly Question[], all: readonly Question[], stored: unknown): AnswerLine[] {
  const answers = readAnswers(stored);
  const lines: AnswerLine[] = asked.map((question) => ({ questionId: question.id, label: question.label, text: answerText(question, answers[question.id]), removed: false }));
  for (const [questionId, value] of Object.entries(answers)) {
    if (asked.some((question) => question.id === questionId)) continue;
    const question = all.find((candidate) => candidate.id === questionId);
    lines.push({ questionId, label: question?.label ?? REMOVED_QUESTION, text: answerText(question, value), removed: !question });
  }
  return lines;
}
