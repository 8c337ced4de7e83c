import "server-only";
import { prisma } from "@/lib/db";
import { jobKey } from "@/lib/jobs/kinds";
import { assertAdmin, type Actor } from "../authorize";
import { orderWhere } from "../host-scope";
import { isUuid } from "@/lib/ids";
import { orderQuestions, ticketQuestions } from "@/lib/questions/question";
import { QUESTION_ORDER, QUESTION_SELECT, storedQuestion } from "@/lib/questions/stored-question";
import { answerLines } from "../answer-lines";

/** Support never needs a whole ticket code (it is what gets someone in): the end identifies it. */
const codeEnd = (code: string) => code.slice(-6);

/** The holders a pending order keeps until its tickets are issued ({ticketTypeId, name, email, answers} per place). */
function readAttendees(value: unknown): { ticketTypeId: string | null; name: string | null; email: string | null; answers: unknown }[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((entry) => entry && typeof entry === "object")
    .map((entry) => ({
      ticketTypeId: typeof entry.ticketTypeId === "string" ? entry.ticketTypeId : null,
      name: typeof entry.name === "string" ? entry.name : null,
      email: typeof entry.email === "string" ? entry.email : null,
      answers: entry.answers,
    }));
}

/**
 * One order as support sees it: buyer, what was bought, the answers to the questions asked once
 * per order, its tickets (each with its holder, their answers and what it was re-issued
 * from or as), and its delivery and refund jobs. A pending order's holders are its attendees.
 */
export async function getAdminOrder(options: { actor: Actor | null; orderId: string }) {
  const actor = await assertAdmin(options.actor);
  if (!isUuid(options.orderId)) return null;
  const order = await prisma.order.findFirst({
    where: { id: options.orderId, ...(await orderWhere(actor)) },
    include: {
      user: { select: { email: true, name: true } },
      items: {
        orderBy: { ticketTypeId: "asc" },
        include: {
          ticketType: {
            select: {
              name: true,
              session: { select: { startsAt: true, venue: { select: { name: true, timeZone: true } }, event: { select: { id: true, title: true } } } },
            },
          },
        },
      },
      bookings: {
        orderBy: { startsAt: "asc" },
        include: { resource: { select: { name: true, venue: { select: { name: true, timeZone: true } }, event: { select: { id: true, title: true } } } } },
      },
      tickets: {
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          code: true,
          holderName: true,
          holderEmail: true,
          answers: true,
          status: true,
          ticketTypeId: true,
          ticketType: { select: { name: true } },
          booking: { select: { resource: { select: { name: true } } } },
          reissuedFromTicket: { select: { code: true } },
          reissuedAs: { select: { code: true } },
        },
      },
      paymentEvents: { orderBy: { receivedAt: "asc" }, select: { id: true, provider: true, type: true, receivedAt: true } },
      refunds: { orderBy: { createdAt: "asc" }, select: { id: true, amountMinor: true, feeMinor: true, reason: true, status: true, createdAt: true, paidAt: true } },
    },
  });
  if (!order) return null;
  const questions = (await prisma.eventQuestion.findMany({ where: { eventId: order.eventId }, orderBy: [...QUESTION_ORDER], select: QUESTION_SELECT })).map(storedQuestion);
  const jobs = await prisma.job.findMany({
    // One refund job per refund row (a cancellation of some tickets, then of the rest): the latest is shown.
    where: { OR: [{ uniqueKey: jobKey("deliver_order", order.id) }, { kind: "refund_order", payload: { path: ["orderId"], equals: order.id } }] },
    select: { id: true, kind: true, status: true, attempts: true, maxAttempts: true, lastError: true, runAt: true, updatedAt: true },
    orderBy: { createdAt: "asc" },
  });
  // What became of the ticket emails (the order's, sent again, and a handed-on ticket's): a bounce
  // means the buyer or holder has no tickets (docs/decisions/0023).
  const emails = await prisma.emailDelivery.findMany({
    where: { OR: [{ idempotencyKey: { startsWith: jobKey("deliver_order", order.id) } }, { idempotencyKey: { in: order.tickets.map((ticket) => jobKey("deliver_ticket", ticket.id)) } }] },
    select: { toAddress: true, state: true, detail: true, sentAt: true },
    orderBy: { sentAt: "asc" },
  });
  const { attendees, answers, ...rest } = order;
  return {
    ...rest,
    answers: answerLines(orderQuestions(questions), questions, answers),
    tickets: order.tickets.map(({ code, answers: ticketAnswers, reissuedFromTicket, reissuedAs, ...ticket }) => ({
      ...ticket,
      codeEnd: codeEnd(code),
      answers: answerLines(ticketQuestions(questions, ticket.ticketTypeId), questions, ticketAnswers),
      reissuedFrom: reissuedFromTicket ? { codeEnd: codeEnd(reissuedFromTicket.code) } : null,
      reissuedAs: reissuedAs ? { codeEnd: codeEnd(reissuedAs.code) } : null,
    })),
    /** Until the tickets are issued: who each place is for, as the buyer gave them. */
    attendees: order.tickets.length > 0 ? [] : readAttendees(attendees).map((attendee) => ({
      ...attendee,
      ticketTypeName: order.items.find((item) => item.ticketTypeId === attendee.ticketTypeId)?.ticketType.name ?? order.bookings[0]?.resource.name ?? "Ticket",
      answers: answerLines(ticketQuestions(questions, attendee.ticketTypeId), questions, attendee.answers),
    })),
    delivery: jobs.find((job) => job.kind === "deliver_order") ?? null,
    emails,
    refund: jobs.findLast((job) => job.kind === "refund_order") ?? null,
  };
}

export type AdminOrder = NonNullable<Awaited<ReturnType<typeof getAdminOrder>>>;
