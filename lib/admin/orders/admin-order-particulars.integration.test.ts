import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createActor } from "@/tests/admin-fixtures";
import { createTicketedEvent } from "@/tests/fixtures";
import { addQuestion, paidTicketOrder, reissueTicket } from "@/tests/question-fixtures";
import { REMOVED_QUESTION } from "../answer-lines";
import { getAdminOrder } from "./get-admin-order";

describe("the admin's order page: holders and answers", () => {
  it("shows each ticket's holder, email, status and answers, what it was re-issued from or as, and the order's own answers", async () => {
    const admin = await createActor();
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ name: "Adult", capacity: 10 }, { name: "Child", capacity: 10 }] });
    const { order, tickets } = await paidTicketOrder(ticketTypes[0].id, 2);
    const company = await addQuestion(event.id, { kind: "short_text", label: "Company", sortOrder: 0 });
    const diet = await addQuestion(event.id, { kind: "one_choice", label: "Diet", perTicket: true, options: [{ id: "none", label: "None" }, { id: "veg", label: "Vegetarian" }], sortOrder: 1 });
    await addQuestion(event.id, { kind: "number", label: "Child's age", ticketTypeId: ticketTypes[1].id, sortOrder: 2 });
    const gone = "00000000-0000-4000-8000-000000000001";
    await prisma.order.update({ where: { id: order.id }, data: { answers: { [company.id]: "ACME", [gone]: true } } });
    await prisma.ticket.update({ where: { id: tickets[0].id }, data: { holderName: "Ana Holder", holderEmail: "ana@example.test", answers: { [diet.id]: "veg" } } });
    const reissued = await reissueTicket(tickets[1].id, { name: "Bruno New", email: "bruno@example.test", answers: { [diet.id]: "none" } });

    const shown = (await getAdminOrder({ actor: admin, orderId: order.id }))!;
    expect(shown.answers).toEqual([
      { questionId: company.id, label: "Company", text: "ACME", removed: false },
      { questionId: gone, label: REMOVED_QUESTION, text: "Yes", removed: true },
    ]);
    const byId = new Map(shown.tickets.map((ticket) => [ticket.id, ticket]));
    // Only the questions asked of an Adult ticket: not the Child's age.
    expect(byId.get(tickets[0].id)).toMatchObject({
      holderName: "Ana Holder",
      holderEmail: "ana@example.test",
      status: "valid",
      reissuedAs: null,
      reissuedFrom: null,
      answers: [{ questionId: diet.id, label: "Diet", text: "Vegetarian", removed: false }],
    });
    const voided = byId.get(tickets[1].id)!;
    const fresh = byId.get(reissued.id)!;
    expect(voided).toMatchObject({ status: "void", reissuedAs: { codeEnd: reissued.code.slice(-6) }, reissuedFrom: null });
    expect(fresh).toMatchObject({ status: "valid", holderName: "Bruno New", reissuedFrom: { codeEnd: tickets[1].code.slice(-6) }, answers: [{ label: "Diet", text: "None" }] });
    expect(shown.tickets.every((ticket) => !("code" in ticket))).toBe(true);
    expect(shown.attendees).toEqual([]);
  });

  it("shows the holders a pending order keeps until its tickets are issued", async () => {
    const admin = await createActor();
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ name: "Adult", capacity: 10 }] });
    const { order } = await paidTicketOrder(ticketTypes[0].id, 1);
    const diet = await addQuestion(event.id, { kind: "several_choices", label: "Diet", perTicket: true, options: [{ id: "veg", label: "Vegetarian" }, { id: "gf", label: "Gluten free" }] });
    // As an unpaid order keeps them: no tickets yet.
    await prisma.ticket.deleteMany({ where: { orderId: order.id } });
    await prisma.order.update({ where: { id: order.id }, data: { attendees: [{ ticketTypeId: ticketTypes[0].id, name: "Carla", email: null, answers: { [diet.id]: ["gf", "veg"] } }] } });
    const shown = (await getAdminOrder({ actor: admin, orderId: order.id }))!;
    expect(shown.attendees).toEqual([
      { ticketTypeId: ticketTypes[0].id, ticketTypeName: "Adult", name: "Carla", email: null, answers: [{ questionId: diet.id, label: "Diet", text: "Gluten free, Vegetarian", removed: false }] },
    ]);
  });
});
