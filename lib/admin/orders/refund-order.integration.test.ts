import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveBooking } from "@/lib/orders/reserve-booking";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { instantAt, localDateAndMinute } from "@/lib/time";
import { createBookableEvent, createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { isAdminError } from "../errors";
import { refundOrder } from "./refund-order";
import { resendTickets } from "./resend-tickets";
import { createActor } from "@/tests/admin-fixtures";
import { accountBuyer } from "@/lib/orders/buyer";
import { jobKey } from "@/lib/jobs/kinds";

async function paidOrder(capacity = 10, quantity = 3) {
  const { ticketTypes, session } = await createTicketedEvent({ ticketTypes: [{ capacity }] });
  const buyer = await createTestUser();
  const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity }] } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
  return { order, ticketType: ticketTypes[0], session, buyer };
}

describe("refundOrder", () => {
  it("refuses an attendee, even the buyer", async () => {
    const { order, buyer } = await paidOrder();
    const error = await refundOrder({ actor: { id: buyer.id, email: buyer.email, role: buyer.role }, orderId: order.id }).catch((e) => e);
    expect(isAdminError(error) && error.code).toBe("forbidden");
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
  });

  it("releases the places, voids the tickets, queues the refund and logs it", async () => {
    const admin = await createActor();
    const { order, ticketType, session } = await paidOrder(10, 3);
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).toMatchObject({ sold: 3, remaining: 7 });

    expect(await refundOrder({ actor: admin, orderId: order.id })).toEqual({ status: "refund_required" });
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketType.id } })).toMatchObject({ sold: 0, held: 0, remaining: 10 });
    expect((await prisma.eventSession.findUniqueOrThrow({ where: { id: session.id } })).remaining).toBe(10);
    expect(await prisma.ticket.findMany({ where: { orderId: order.id }, select: { status: true } })).toEqual([{ status: "void" }, { status: "void" }, { status: "void" }]);
    expect(await prisma.orderItem.findMany({ where: { orderId: order.id }, select: { status: true } })).toEqual([{ status: "cancelled" }]);
    const refund = await prisma.refund.findFirstOrThrow({ where: { orderId: order.id } });
    expect(refund).toMatchObject({ amountMinor: order.totalMinor, feeMinor: 0, reason: "refunded", status: "pending" });
    expect(await prisma.job.findUniqueOrThrow({ where: { uniqueKey: jobKey("refund_order", refund.id) } })).toMatchObject({ status: "queued", payload: { orderId: order.id, refundId: refund.id } });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: order.id, action: "order.refund" } });
    expect(audit.before).toMatchObject({ status: "paid", valid_tickets: 3 });
    expect(audit.after).toMatchObject({ status: "refund_required", valid_tickets: 0 });

    // Twice is refused; the places can be sold again.
    await expect(refundOrder({ actor: admin, orderId: order.id })).rejects.toMatchObject({ code: "not_refundable" });
    const again = await createTestUser();
    await reserveTickets({ buyer: accountBuyer(again.id), input: { items: [{ ticketTypeId: ticketType.id, quantity: 10 }] } });
  });

  it("refuses an unpaid order", async () => {
    const admin = await createActor();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const buyer = await createTestUser();
    const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    await expect(refundOrder({ actor: admin, orderId: order.id })).rejects.toMatchObject({ code: "not_refundable" });
  });

  it("cancels a refunded booking, so its time range can be booked again", async () => {
    const admin = await createActor();
    const { resource } = await createBookableEvent();
    const buyer = await createTestUser();
    const date = localDateAndMinute(new Date(Date.now() + 3 * 24 * 3600_000), "Europe/Lisbon").date;
    const input = { resourceId: resource.id, start: instantAt(date, 10 * 60, "Europe/Lisbon"), minutes: 60 };
    const booked = await reserveBooking({ buyer: accountBuyer(buyer.id), input });
    await confirmOrderPayment({ orderId: booked.id, provider: "local", paymentRef: "p" });
    await refundOrder({ actor: admin, orderId: booked.id });
    expect(await prisma.booking.findMany({ where: { orderId: booked.id }, select: { status: true } })).toEqual([{ status: "cancelled" }]);
    const second = await createTestUser();
    await expect(reserveBooking({ buyer: accountBuyer(second.id), input })).resolves.toMatchObject({ status: "pending" });
  });
});

describe("resendTickets", () => {
  it("puts the delivery job back in the queue instead of adding a second one", async () => {
    const admin = await createActor();
    const { order } = await paidOrder(5, 1);
    const key = jobKey("deliver_order", order.id);
    await prisma.job.update({ where: { uniqueKey: key }, data: { status: "dead", attempts: 8, lastError: "mailbox full" } });
    expect(await resendTickets({ actor: admin, orderId: order.id })).toEqual({ status: "queued" });
    expect(await prisma.job.findMany({ where: { uniqueKey: key } })).toEqual([expect.objectContaining({ status: "queued", attempts: 0, lastError: null })]);
    expect(await prisma.auditLog.count({ where: { entityId: order.id, action: "order.resend_tickets" } })).toBe(1);
  });

  it("creates the delivery job when there is none, and leaves a running one alone", async () => {
    const admin = await createActor();
    const { order } = await paidOrder(5, 1);
    const key = jobKey("deliver_order", order.id);
    await prisma.job.delete({ where: { uniqueKey: key } });
    await resendTickets({ actor: admin, orderId: order.id });
    expect(await prisma.job.count({ where: { uniqueKey: key, status: "queued" } })).toBe(1);
    await prisma.job.update({ where: { uniqueKey: key }, data: { status: "running", lockedAt: new Date(), lockedBy: "worker" } });
    await expect(resendTickets({ actor: admin, orderId: order.id })).rejects.toMatchObject({ code: "busy" });
  });

  it("refuses an attendee and an unpaid order", async () => {
    const attendee = await createActor("attendee");
    const { order } = await paidOrder(5, 1);
    await expect(resendTickets({ actor: attendee, orderId: order.id })).rejects.toMatchObject({ code: "forbidden" });
    const admin = await createActor();
    await refundOrder({ actor: admin, orderId: order.id });
    await expect(resendTickets({ actor: admin, orderId: order.id })).rejects.toMatchObject({ code: "validation_failed" });
  });
});
