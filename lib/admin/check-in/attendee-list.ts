import "server-only";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { orderQuestions, ticketQuestions, type Question } from "@/lib/questions/question";
import { QUESTION_ORDER, QUESTION_SELECT, storedQuestion } from "@/lib/questions/stored-question";
import { answerText, readAnswers } from "../answer-lines";
import { assertAdmin, type Actor } from "../authorize";
import { eventWhere } from "../host-scope";
import { AdminError } from "../errors";

export type Attendee = {
  ticketId: string;
  holderName: string;
  holderEmail: string | null;
  buyerEmail: string;
  ticketType: string;
  orderReference: string;
  shortCode: string;
  /** One per question of the list, in its order ("" when not answered or not asked of this ticket). */
  answers: string[];
  checkedIn: boolean;
  checkedInAt: Date | null;
};

export type AttendeeList = {
  sessionId: string;
  eventId: string;
  eventTitle: string;
  eventSlug: string;
  startsAt: Date;
  timeZone: string;
  venueName: string;
  /** The questions asked of this session's buyers: the event's, and those of its own ticket types. */
  questions: { id: string; label: string; perTicket: boolean }[];
  attendees: Attendee[];
};

/**
 * The attendee list of a session (issue 27.4): one row per valid ticket of a paid order (a
 * ticket re-issued to a new holder is listed once, as its new, valid self), with its holder,
 * the buyer, the answers to the session's questions and whether and when it was checked in.
 * Admins only (door staff have the door list, lib/check-in).
 */
export async function getAttendeeList(options: { actor: Actor | null; sessionId: string }): Promise<AttendeeList> {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.sessionId)) throw new AdminError("not_found", "Session not found");
  const session = await prisma.eventSession.findFirst({
    where: { id: options.sessionId, event: eventWhere(actor) },
    select: {
      id: true,
      startsAt: true,
      venue: { select: { name: true, timeZone: true } },
      ticketTypes: { select: { id: true } },
      event: { select: { id: true, title: true, slug: true, questions: { orderBy: [...QUESTION_ORDER], select: QUESTION_SELECT } } },
    },
  });
  if (!session) throw new AdminError("not_found", "Session not found");
  const typeIds = new Set(session.ticketTypes.map((type) => type.id));
  const questions: Question[] = session.event.questions.map(storedQuestion).filter((question) => question.ticketTypeId === null || typeIds.has(question.ticketTypeId));

  const tickets = await prisma.ticket.findMany({
    where: { status: "valid", ticketType: { sessionId: session.id }, order: { status: "paid" } },
    select: {
      id: true,
      holderName: true,
      holderEmail: true,
      shortCode: true,
      answers: true,
      ticketTypeId: true,
      ticketType: { select: { name: true } },
      order: { select: { reference: true, buyerEmail: true, answers: true } },
    },
  });
  const checkIns = await prisma.checkIn.findMany({
    where: { sessionId: session.id, undoneAt: null, ticketId: { in: tickets.map((ticket) => ticket.id) } },
    orderBy: { scannedAt: "asc" },
    select: { ticketId: true, scannedAt: true },
  });
  const checkedInAt = new Map<string, Date>();
  for (const checkIn of checkIns) if (!checkedInAt.has(checkIn.ticketId)) checkedInAt.set(checkIn.ticketId, checkIn.scannedAt);
  const askedOrder = new Set(orderQuestions(questions).map((question) => question.id));

  const attendees = tickets.map((ticket): Attendee => {
    const asked = new Set(ticketQuestions(questions, ticket.ticketTypeId).map((question) => question.id));
    const orderAnswers = readAnswers(ticket.order.answers);
    const ticketAnswers = readAnswers(ticket.answers);
    return {
      ticketId: ticket.id,
      holderName: ticket.holderName,
      holderEmail: ticket.holderEmail,
      buyerEmail: ticket.order.buyerEmail,
      ticketType: ticket.ticketType?.name ?? "Ticket",
      orderReference: ticket.order.reference,
      shortCode: ticket.shortCode,
      answers: questions.map((question) => {
        if (askedOrder.has(question.id)) return answerText(question, orderAnswers[question.id]);
        return asked.has(question.id) ? answerText(question, ticketAnswers[question.id]) : "";
      }),
      checkedIn: checkedInAt.has(ticket.id),
      checkedInAt: checkedInAt.get(ticket.id) ?? null,
    };
  });
  // As a door list reads: by holder, an order's tickets together.
  attendees.sort((a, b) => a.holderName.localeCompare(b.holderName, "en") || a.orderReference.localeCompare(b.orderReference) || a.ticketId.localeCompare(b.ticketId));

  return {
    sessionId: session.id,
    eventId: session.event.id,
    eventTitle: session.event.title,
    eventSlug: session.event.slug,
    startsAt: session.startsAt,
    timeZone: session.venue.timeZone,
    venueName: session.venue.name,
    questions: questions.map(({ id, label, perTicket }) => ({ id, label, perTicket })),
    attendees,
  };
}
