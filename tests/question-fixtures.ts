// Orders with holders and answers for the admin's tests (not imported by the app). The buyer
// side (lib/orders, lib/tickets) writes holders, answers and re-issued tickets; these tests
// read them, so they are written here directly, in the stored shapes of
// prisma/migrations/20261208300000_holders_and_questions.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";
import { accountBuyer } from "@/lib/orders/buyer";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import type { QuestionKind } from "@/lib/questions/question";
import { createTestUser } from "@/tests/fixtures";

/** A paid order of `quantity` tickets of one type, bought before the event asked anything; its tickets oldest first. */
export async function paidTicketOrder(ticketTypeId: string, quantity: number, buyerName = "Rita Buyer") {
  const buyer = await createTestUser({ name: buyerName });
  const reserved = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId, quantity }] } });
  await confirmOrderPayment({ orderId: reserved.id, provider: "local", paymentRef: "p" });
  const order = await prisma.order.findUniqueOrThrow({ where: { id: reserved.id } });
  const tickets = await prisma.ticket.findMany({ where: { orderId: order.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return { order, tickets, buyer };
}

export async function addQuestion(eventId: string, question: { kind: QuestionKind; label: string; options?: { id: string; label: string }[]; perTicket?: boolean; ticketTypeId?: string; sortOrder?: number; showAtDoor?: boolean }) {
  return prisma.eventQuestion.create({
    data: {
      eventId,
      kind: question.kind,
      label: question.label,
      options: question.options ?? [],
      perTicket: question.perTicket ?? Boolean(question.ticketTypeId),
      ticketTypeId: question.ticketTypeId ?? null,
      showAtDoor: question.showAtDoor ?? false,
      sortOrder: question.sortOrder ?? 0,
    },
  });
}

/** A holder change: the ticket goes void and a new one, with a new code, points back to it. */
export async function reissueTicket(ticketId: string, holder: { name: string; email?: string | null; answers?: Record<string, unknown> }) {
  const old = await prisma.ticket.update({ where: { id: ticketId }, data: { status: "void" } });
  return prisma.ticket.create({
    data: {
      orderId: old.orderId,
      ticketTypeId: old.ticketTypeId,
      code: `reissued.${randomUUID()}`,
      holderName: holder.name,
      holderEmail: holder.email ?? null,
      answers: (holder.answers ?? old.answers) as object,
      reissuedFrom: old.id,
    },
  });
}
