import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { findOrders, listRecentOrders } from "./orders/find-orders";
import { getAdminOrder } from "./orders/get-admin-order";
import { getEventForm } from "./events/get-event-form";
import { listAuditLog } from "./list-audit-log";
import { listAdminEvents } from "./events/list-events";
import { getJobPipeline } from "./jobs/list-jobs";
import { listVenues } from "./events/list-venues";
import { refundOrder } from "./orders/refund-order";
import { createActor } from "@/tests/admin-fixtures";
import { accountBuyer } from "@/lib/orders/buyer";

async function paidOrder() {
  const { event, ticketTypes } = await createTicketedEvent({ title: `Findable ${Date.now()}`, ticketTypes: [{ capacity: 10 }] });
  const buyer = await createTestUser({ name: "Rita Finder" });
  const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
  return { event, buyer, order };
}

describe("admin read side", () => {
  it("finds an order by reference (any case, with or without LT-) and by email or its start", async () => {
    const admin = await createActor();
    const { order, buyer } = await paidOrder();
    const bare = order.reference.replace("LT-", "");
    for (const q of [order.reference, order.reference.toLowerCase(), bare, buyer.email, buyer.email.toUpperCase(), buyer.email.slice(0, 12)]) {
      const found = await findOrders({ actor: admin, q });
      expect(found.map((row) => row.id), q).toContain(order.id);
    }
    expect(await findOrders({ actor: admin, q: "LT-ZZZZZZZZ" })).toEqual([]);
    expect(await findOrders({ actor: admin, q: "%" })).toEqual([]);
    expect((await listRecentOrders({ actor: admin })).map((row) => row.id)).toContain(order.id);
  });

  it("shows an order with its tickets (ends of codes only), delivery job and history", async () => {
    const admin = await createActor();
    const { order, event } = await paidOrder();
    await refundOrder({ actor: admin, orderId: order.id });
    const shown = (await getAdminOrder({ actor: admin, orderId: order.id }))!;
    expect(shown.status).toBe("refund_required");
    expect(shown.tickets).toHaveLength(2);
    expect(shown.tickets[0]).toMatchObject({ status: "void", codeEnd: expect.stringMatching(/^.{6}$/) });
    expect(shown.tickets[0]).not.toHaveProperty("code");
    expect(shown.delivery).toMatchObject({ kind: "deliver_order" });
    expect(shown.refund).toMatchObject({ kind: "refund_order", status: "queued" });
    expect(shown.items[0].ticketType.session.event.id).toBe(event.id);
    expect((await listAuditLog({ actor: admin, entityType: "order", entityId: order.id })).map((entry) => entry.action)).toEqual(["order.refund"]);
    expect(await getAdminOrder({ actor: admin, orderId: "not-a-uuid" })).toBeNull();
  });

  it("lists events with filters and their sold figures, and reads the edit form", async () => {
    const admin = await createActor();
    const { event } = await paidOrder();
    const listed = await listAdminEvents({ actor: admin, q: event.title, status: "published" });
    expect(listed.items).toEqual([expect.objectContaining({ id: event.id, sold: 2, capacity: 10, sessions: 1, status: "published" })]);
    expect((await listAdminEvents({ actor: admin, q: event.title, status: "draft" })).total).toBe(0);
    expect((await listAdminEvents({ actor: admin, q: "100%_\\" })).total).toBe(0);
    const form = (await getEventForm({ actor: admin, eventId: event.id }))!;
    expect(form.sessions[0].ticketTypes[0]).toMatchObject({ price: "15.00", capacity: "10", sold: 2, held: 0 });
    expect(form.sessions[0].startsAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect((await listVenues({ actor: admin })).length).toBeGreaterThan(0);
    expect((await getJobPipeline({ actor: admin })).rows.some((row) => row.kind === "deliver_order")).toBe(true);
  });

  it("refuses an attendee on every read", async () => {
    const attendee = await createActor("attendee");
    const reads = [
      () => findOrders({ actor: attendee, q: "x@example.com" }),
      () => getAdminOrder({ actor: attendee, orderId: "00000000-0000-0000-0000-000000000000" }),
      () => listAdminEvents({ actor: attendee }),
      () => getEventForm({ actor: attendee, eventId: "00000000-0000-0000-0000-000000000000" }),
      () => listAuditLog({ actor: attendee }),
      () => listVenues({ actor: attendee }),
      () => getJobPipeline({ actor: attendee }),
    ];
    for (const read of reads) await expect(read()).rejects.toMatchObject({ code: "forbidden" });
    expect(await prisma.auditLog.count({ where: { actorId: attendee.id } })).toBe(0);
  });
});
