import { describe, expect, it } from "vitest";
import { refundOrder } from "@/lib/admin/orders/refund-order";
import { createActor } from "@/tests/admin-fixtures";
import { prisma } from "@/lib/db";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { analyticsCsv } from "./csv";
import { getAnalytics } from "./get-analytics";
import { accountBuyer } from "@/lib/orders/buyer";

// Orders are moved to March 2001 (no other test writes orders there), so the figures are
// exactly this test's whatever else the shared test database holds.
async function order(ticketTypeId: string, quantity: number, at: string, pay: boolean) {
  const buyer = await createTestUser();
  const reserved = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId, quantity }] } });
  if (pay) await confirmOrderPayment({ orderId: reserved.id, provider: "local", paymentRef: "p" });
  await prisma.$executeRaw`
    UPDATE orders SET created_at = ${new Date(at)}, paid_at = CASE WHEN paid_at IS NULL THEN NULL ELSE ${new Date(at)}::timestamptz + interval '2 minutes' END
     WHERE id = ${reserved.id}::uuid`;
  return reserved;
}

describe("analytics", () => {
  it("counts tickets, money per currency, conversion and sales per day for the range", async () => {
    const admin = await createActor();
    const a = await createTicketedEvent({ title: "Analytics A", ticketTypes: [{ capacity: 10, priceMinor: 1500 }, { capacity: 5, priceMinor: 3000 }] });
    const b = await createTicketedEvent({ title: "Analytics B", ticketTypes: [{ capacity: 20, priceMinor: 1000 }] });
    await prisma.ticketType.update({ where: { id: b.ticketTypes[0].id }, data: { currency: "GBP" } });

    await order(a.ticketTypes[0].id, 2, "2001-03-05T10:00:00Z", true);
    await order(a.ticketTypes[1].id, 1, "2001-03-06T10:00:00Z", true);
    const refunded = await order(a.ticketTypes[0].id, 1, "2001-03-06T11:00:00Z", true);
    await refundOrder({ actor: admin, orderId: refunded.id });
    await order(a.ticketTypes[0].id, 1, "2001-03-06T12:00:00Z", false);
    await order(b.ticketTypes[0].id, 4, "2001-03-20T12:00:00Z", true);
    await order(b.ticketTypes[0].id, 1, "2001-04-02T12:00:00Z", true); // outside the range

    const { analytics, rangeError } = await getAnalytics({ actor: admin, query: { from: "2001-03-01", to: "2001-03-31" } });
    expect(rangeError).toBeNull();
    expect(analytics.range).toEqual({ from: "2001-03-01", to: "2001-03-31", bucket: "day" });
    expect(analytics.revenue).toEqual([
      { currency: "EUR", orders: 3, grossMinor: 7500, refundedMinor: 0, refundPendingMinor: 1500, netMinor: 6000 },
      { currency: "GBP", orders: 1, grossMinor: 4000, refundedMinor: 0, refundPendingMinor: 0, netMinor: 4000 },
    ]);
    expect(analytics.ordersPaid).toBe(3);
    expect(analytics.ticketsSold).toBe(7);
    expect(analytics.conversion).toEqual({ created: 5, paid: 4, rate: 0.8 });

    expect(analytics.salesOverTime).toHaveLength(31);
    const day = (date: string) => analytics.salesOverTime.find((bucket) => bucket.start === date);
    expect(day("2001-03-05")).toEqual({ start: "2001-03-05", orders: 1, tickets: 2, gross: [{ currency: "EUR", minor: 3000 }] });
    expect(day("2001-03-06")).toEqual({ start: "2001-03-06", orders: 2, tickets: 1, gross: [{ currency: "EUR", minor: 4500 }] });
    expect(day("2001-03-07")).toEqual({ start: "2001-03-07", orders: 0, tickets: 0, gross: [] });

    expect(analytics.events.map((event) => [event.title, event.tickets, event.orders])).toEqual([
      ["Analytics B", 4, 1],
      ["Analytics A", 3, 2],
    ]);
    const eventA = analytics.events[1];
    expect(eventA.net).toEqual([{ currency: "EUR", minor: 6000 }]);
    // Stored figures: the refunded ticket went back on sale.
    expect(eventA).toMatchObject({ sold: 3, capacity: 15, sellThrough: 0.2 });
    expect(eventA.sessions).toEqual([expect.objectContaining({ sessionId: a.session.id, tickets: 3, sold: 3, held: 1, capacity: 15 })]);
    expect(analytics.pipeline.find((row) => row.kind === "refund_order" && row.status === "queued")?.count).toBeGreaterThanOrEqual(1);

    const csv = analyticsCsv(analytics, "sessions");
    expect(csv.split("\r\n")[0]).toBe("event_id,event,event_status,session_id,session_starts_at,tickets_in_range,sold_total,held_now,capacity,sell_through_percent");
    expect(csv).toContain(`${a.event.id},Analytics A,published,${a.session.id},`);
  });

  it("groups by week over a long range, and refuses an attendee", async () => {
    const admin = await createActor();
    const { analytics } = await getAnalytics({ actor: admin, query: { from: "2000-01-01", to: "2000-12-31" } });
    expect(analytics.range.bucket).toBe("week");
    expect(analytics.salesOverTime[0].start).toBe("1999-12-27");
    expect(analytics.ticketsSold).toBe(0);
    const attendee = await createActor("attendee");
    await expect(getAnalytics({ actor: attendee, query: {} })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("no-show rate", () => {
  it("is the share of valid tickets of started sessions never checked in; undone check-ins and future sessions do not count", async () => {
    const admin = await createActor();
    const event = await createTicketedEvent({ title: "Analytics door", ticketTypes: [{ capacity: 10, priceMinor: 1000 }] });
    const buyer = await createTestUser();
    const reserved = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: event.ticketTypes[0].id, quantity: 4 }] } });
    await confirmOrderPayment({ orderId: reserved.id, provider: "local", paymentRef: "p" });
    const tickets = await prisma.ticket.findMany({ where: { orderId: reserved.id }, orderBy: { id: "asc" } });
    const checkIn = (ticketId: string, undone = false) =>
      prisma.checkIn.create({ data: { ticketId, sessionId: event.session.id, staffEmail: admin.email, door: "Main", ...(undone ? { undoneAt: new Date(), undoneBy: admin.email } : {}) } });
    await checkIn(tickets[0].id);
    await checkIn(tickets[1].id, true);

    const today = new Date().toISOString().slice(0, 10);
    const figures = async () => (await getAnalytics({ actor: admin, query: { from: today, to: today } })).analytics.events.find((row) => row.eventId === event.event.id)!;
    // Before the start nobody can be a no-show.
    expect((await figures()).noShowRate).toBeNull();
    expect((await figures()).sessions[0]).toMatchObject({ checkedIn: null, noShowRate: null });

    await prisma.eventSession.update({ where: { id: event.session.id }, data: { startsAt: new Date(Date.now() - 3600_000), endsAt: new Date(Date.now() + 3600_000) } });
    const started = await figures();
    expect(started.sessions[0]).toMatchObject({ checkedIn: 1, noShowRate: 0.75 });
    expect(started.noShowRate).toBe(0.75);
  });
});
