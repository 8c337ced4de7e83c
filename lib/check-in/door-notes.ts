import "server-only";
import { prisma } from "@/lib/db";
import { describeAnswer, type AnswerValue, type Question } from "@/lib/questions/question";
import { QUESTION_SELECT, storedQuestion } from "@/lib/questions/stored-question";

// What the door is shown besides the holder's name (issue 27.4): the answers to the questions
// an admin marked "show at the door" (a diet, an age), as "Diet: Vegetarian". The scanner is a
// staff tool in English, like the admin; labels are as the event's organiser wrote them.

/** The event's questions shown at the door, in their order. */
export async function doorQuestions(eventId: string): Promise<Question[]> {
  const rows = await prisma.eventQuestion.findMany({
    where: { eventId, showAtDoor: true },
    orderBy: [{ sortOrder: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: QUESTION_SELECT,
  });
  return rows.map(storedQuestion);
}

function asAnswers(value: unknown): Record<string, AnswerValue> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, AnswerValue>) : {};
}

/** "Label: answer" for each door question answered, per ticket or for the whole order. */
export function doorNotes(questions: readonly Question[], ticketAnswers: unknown, orderAnswers: unknown): string[] {
  const perTicket = asAnswers(ticketAnswers);
  const perOrder = asAnswers(orderAnswers);
  return questions.flatMap((question) => {
    const answer = describeAnswer(question, (question.perTicket ? perTicket : perOrder)[question.id], { yes: "Yes", no: "No" });
    return answer ? [`${question.label}: ${answer}`] : [];
  });
}
