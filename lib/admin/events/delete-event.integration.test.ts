import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { deleteEvent } from "./delete-event";
import { isAdminError } from "../errors";
import { createActor } from "@/tests/admin-fixtures";
import { accountBuyer } from "@/lib/orders/buyer";

async function buy(ticketTypeId: string, quantity: number, pay: boolean) {
  const buyer = await createTestUser();
  const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId, quantity }] } });
  if (pay) await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: `pay-${order.id}` });
  return order;
}

describe("deleteEvent", () => {
  it("refuses an attendee, leaving the event alone", async () => {
    const { event } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const attendee = await createActor("attendee");
    const error = await deleteEvent({ actor: attendee, eventId: event.id }).catch((e) => e);
    expect(isAdminError(error) && error.code).toBe("forbidden");
    expect(await prisma.event.count({ where: { id: event.id } })).toBe(1);
  });

  it("removes an event nobody ordered from, with its sessions, and logs what it was", async () => {
    const admin = await createActor();
    const { event, session } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }, { capacity: 3 }] });
    expect(await deleteEvent({ actor: admin, eventId: event.id, input: { version: 1 } })).toEqual({ outcome: "deleted" });
    expect(await prisma.event.count({ where: { id: event.id } })).toBe(0);
    expect(await prisma.eventSession.count({ where: { id: session.id } })).toBe(0);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: event.id } });
    expect(audit).toMatchObject({ action: "event.delete", after: null });
    expect(audit.before).toMatchObject({ id: event.id, slug: event.slug });
  });

  it("cancels an event with paid orders: refunds queued, tickets void, places released, unpaid holds closed", async () => {
    const admin = await createActor();
    const { event, session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }, { capacity: 10 }] });
    const paidA = await buy(ticketTypes[0].id, 2, true);
    const paidB = await buy(ticketTypes[1].id, 3, true);
    const pending = await buy(ticketTypes[0].id, 1, false);

    const outcome = await deleteEvent({ actor: admin, eventId: event.id });
    expect(outcome).toEqual({ outcome: "cancelled", refundsQueued: 2, ordersCancelled: 1 });

    const stored = await prisma.event.findUniqueOrThrow({ where: { id: event.id }, include: { sessions: true } });
    expect(stored.status).toBe("cancelled");
    expect(stored.version).toBe(2);
    expect(stored.sessions.every((s) => s.cancelled)).toBe(true);
    const orders = await prisma.order.findMany({ where: { id: { in: [paidA.id, paidB.id, pending.id] } } });
    expect(Object.fromEntries(orders.map((order) => [order.id, order.status]))).toEqual({
      [paidA.id]: "refund_required",
      [paidB.id]: "refund_required",
      [pending.id]: "cancelled",
    });
    const refundJobs = await prisma.job.findMany({ where: { kind: "refund_order", OR: [paidA.id, paidB.id].map((id) => ({ payload: { path: ["orderId"], equals: id } })) } });
    expect(refundJobs).toHaveLength(2);
    expect(refundJobs.every((job) => job.status === "queued")).toBe(true);
    expect(await prisma.ticket.count({ where: { orderId: { in: [paidA.id, paidB.id] }, status: "valid" } })).toBe(0);
    expect(await prisma.ticket.count({ where: { orderId: { in: [paidA.id, paidB.id] }, status: "void" } })).toBe(5);
    const types = await prisma.ticketType.findMany({ where: { sessionId: session.id } });
    expect(types.map((type) => [type.sold, type.held])).toEqual([[0, 0], [0, 0]]);
    expect((await prisma.eventSession.findUniqueOrThrow({ where: { id: session.id } })).remaining).toBe(20);
    expect(await prisma.auditLog.count({ where: { entityId: event.id, action: { in: ["event.cancel", "event.cancel.settle_orders"] } } })).toBe(2);

    // Nothing can be bought any more, and a late payment of the closed order issues no
    // tickets: the money goes back.
    await expect(buy(ticketTypes[0].id, 1, false)).rejects.toMatchObject({ code: "not_on_sale" });
    expect(await confirmOrderPayment({ orderId: pending.id, provider: "local", paymentRef: "late" })).toMatchObject({ outcome: "refund_required" });
    expect(await prisma.ticket.count({ where: { orderId: pending.id } })).toBe(0);
  });

  it("cancels (not removes) an event whose only orders expired, since order lines still point at it", async () => {
    const admin = await createActor();
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 4 }] });
    await buy(ticketTypes[0].id, 1, false);
    expect(await deleteEvent({ actor: admin, eventId: event.id })).toEqual({ outcome: "cancelled", refundsQueued: 0, ordersCancelled: 1 });
    expect(await prisma.event.count({ where: { id: event.id, status: "cancelled" } })).toBe(1);
  });

  it("refuses a delete based on an old version", async () => {
    const admin = await createActor();
    const { event } = await createTicketedEvent({ ticketTypes: [{ capacity: 4 }] });
    await prisma.event.update({ where: { id: event.id }, data: { version: { increment: 1 } } });
    const error = await deleteEvent({ actor: admin, eventId: event.id, input: { version: 1 } }).catch((e) => e);
    expect(error.code).toBe("conflict");
    expect(await prisma.event.count({ where: { id: event.id } })).toBe(1);
  });

  it("buyers racing the cancellation either get refunded or are refused: no live order is left", async () => {
    const admin = await createActor();
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 200 }] });
    await buy(ticketTypes[0].id, 1, true);
    const racing = Array.from({ length: 20 }, (_, index) => buy(ticketTypes[0].id, 1, index % 2 === 0));
    const [outcome] = await Promise.all([deleteEvent({ actor: admin, eventId: event.id }), Promise.allSettled(racing)]);
    expect(outcome.outcome).toBe("cancelled");
    // Every payment has landed by now: each order is either refunded or closed.
    const live = await prisma.order.findMany({ where: { eventId: event.id, status: { in: ["pending", "expired", "paid"] } } });
    expect(live).toEqual([]);
  });
});
