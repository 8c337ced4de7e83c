import "server-only";
import type { Tx } from "@/lib/db/transaction";
import type { Locale } from "@/lib/i18n/locales";
import { ticketTypePlace, type QuestionInput } from "./question-schemas";
import type { EventInput } from "./schemas";
import { nameTranslationsOf } from "./write-event-children";

/**
 * Makes the event's questions what the input says, in its order, inside the caller's
 * transaction (after writeEventChildren, whose ticket type ids by place it takes). Questions
 * left out are deleted: the answers already given stay on their orders and tickets, kept by
 * the question's id (the admin's order page shows them as a removed question's).
 * `existingIds`: the event's questions before the save; the caller refused any other id.
 */
export async function writeEventQuestions(
  tx: Tx,
  options: { eventId: string; input: EventInput; typeIds: string[][]; existingIds: readonly string[] },
): Promise<void> {
  const { eventId, input, typeIds } = options;
  const kept = new Set(input.questions.flatMap((question) => (question.id ? [question.id] : [])));
  const removed = options.existingIds.filter((id) => !kept.has(id));
  if (removed.length > 0) await tx.$executeRaw`DELETE FROM event_questions WHERE event_id = ${eventId}::uuid AND id = ANY(${removed}::uuid[])`;

  for (const [sortOrder, question] of input.questions.entries()) {
    const place = question.ticketType ? ticketTypePlace(input.sessions, question.ticketType) : null;
    const ticketTypeId = place ? typeIds[place.session][place.type] : null;
    const labels = JSON.stringify(nameTranslationsOf(question.labelTranslations, input.language));
    const choices = JSON.stringify(storedOptions(question, input.language));
    if (question.id) {
      await tx.$executeRaw`
        UPDATE event_questions SET kind = ${question.kind}::question_kind, label = ${question.label}, label_translations = ${labels}::jsonb,
               options = ${choices}::jsonb, required = ${question.required}, per_ticket = ${question.perTicket},
               ticket_type_id = ${ticketTypeId}::uuid, show_at_door = ${question.showAtDoor}, sort_order = ${sortOrder}
         WHERE id = ${question.id}::uuid AND event_id = ${eventId}::uuid`;
    } else {
      await tx.$executeRaw`
        INSERT INTO event_questions (event_id, ticket_type_id, kind, label, label_translations, options, required, per_ticket, show_at_door, sort_order)
        VALUES (${eventId}::uuid, ${ticketTypeId}::uuid, ${question.kind}::question_kind, ${question.label}, ${labels}::jsonb, ${choices}::jsonb,
                ${question.required}, ${question.perTicket}, ${question.showAtDoor}, ${sortOrder})`;
    }
  }
}

/** The choices as lib/questions reads them: {id, label, labelTranslations}. */
function storedOptions(question: QuestionInput, language: Locale) {
  return question.options.map((option) => ({ id: option.id, label: option.label, labelTranslations: nameTranslationsOf(option.labelTranslations, language) }));
}

/** Questions of the input whose id is not one of the event's (removed meanwhile, or another event's), as field errors. */
export function unknownQuestionErrors(input: EventInput, existingIds: readonly string[]): Record<string, string> {
  const errors: Record<string, string> = {};
  input.questions.forEach((question, index) => {
    if (question.id && !existingIds.includes(question.id)) errors[`questions.${index}.label`] = "This question was removed meanwhile; reload the page";
  });
  return errors;
}
