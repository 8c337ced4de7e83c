import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prisma, sql } from "@/lib/db";
import { drainJobs } from "@/lib/jobs/queue";
import { jobKey } from "@/lib/jobs/kinds";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { accountBuyer, guestBuyer } from "./buyer";
import { cancelOrder } from "./cancel-order";
import { cancellationRefund, type CancellationPolicy } from "./cancellation-policy";
import { issueAccessToken } from "./order-access";
import { reserveTickets } from "./reserve-tickets";
import { confirmOrderPayment } from "./transitions";

// A buyer cancels under the event's policy (issue 29.1), against the real database: what the
// SQL refunds equals the policy's figure to the cent, the places go back in the same commit,
// and every refusal changes nothing.

type Policy = { cancellationPolicy?: "none" | "free" | "fee"; cancellationCutoffHours?: number; cancellationFeePercent?: number };

async function paidOrder(options: { prices?: number[]; quantities?: number[]; policy?: Policy; startsInHours?: number } = {}) {
  const prices = options.prices ?? [1500];
  const user = await createTestUser();
  const { event, ticketTypes } = await createTicketedEvent({
    ticketTypes: prices.map((priceMinor) => ({ capacity: 50, priceMinor })),
    startsAt: new Date(Date.now() + (options.startsInHours ?? 7 * 24) * 3600_000),
  });
  if (options.policy) await prisma.event.update({ where: { id: event.id }, data: options.policy });
  const quantities = options.quantities ?? prices.map(() => 2);
  const items = ticketTypes.map((type, index) => ({ ticketTypeId: type.id, quantity: quantities[index] })).filter((item) => item.quantity > 0);
  const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items } });
  expect(await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "local_test" })).toMatchObject({ outcome: "paid" });
  const tickets = await prisma.ticket.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
  return { user, event, ticketTypes, order, tickets };
}

const soldOf = async (ticketTypeId: string) => (await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketTypeId } })).sold;
const availableOf = async (ticketTypeId: string) => (await sql<{ n: number }>`SELECT ticket_type_available(${ticketTypeId}::uuid) AS n`)[0].n;

/** Everything a refused cancel must leave as it was. */
async function snapshot(orderId: string) {
  const order = await prisma.order.findUniqueOrThrow({ where: { id: orderId }, include: { items: { orderBy: { id: "asc" } }, tickets: { orderBy: { id: "asc" } }, refunds: true } });
  const types = await prisma.ticketType.findMany({ where: { id: { in: order.items.map((item) => item.ticketTypeId) } }, select: { id: true, sold: true }, orderBy: { id: "asc" } });
  return { status: order.status, items: order.items.map((item) => [item.status, item.quantity]), tickets: order.tickets.map((ticket) => ticket.status), refunds: order.refunds.length, types };
}

describe("cancelOrder under the event's policy", () => {
  it("cancels one ticket of three: the order stays paid, the place is on sale again, the refund is that ticket's price", async () => {
    const { user, ticketTypes, order, tickets } = await paidOrder({ prices: [1500], quantities: [3] });
    const before = await availableOf(ticketTypes[0].id);
    const result = await cancelOrder({ orderId: order.id, ticketIds: [tickets[1].id], viewer: user });
    expect(result).toEqual({ status: "paid", cancelled: 1, refundMinor: 1500, feeMinor: 0 });

    expect(await soldOf(ticketTypes[0].id)).toBe(2);
    expect(await availableOf(ticketTypes[0].id)).toBe(before + 1);
    const items = await prisma.orderItem.findMany({ where: { orderId: order.id }, orderBy: { status: "asc" } });
    expect(items.map((item) => [item.status, item.quantity]).sort()).toEqual([["cancelled", 1], ["sold", 2]]);
    const voided = await prisma.ticket.findUniqueOrThrow({ where: { id: tickets[1].id } });
    expect(voided.status).toBe("void");
    const refund = await prisma.refund.findUniqueOrThrow({ where: { id: voided.refundId! } });
    expect(refund).toMatchObject({ amountMinor: 1500, feeMinor: 0, reason: "cancelled", status: "pending" });
    expect(await prisma.job.findUnique({ where: { uniqueKey: jobKey("refund_order", refund.id) } })).toMatchObject({ status: "queued" });

    // The refund job pays it and tells the buyer; the order still holds two valid tickets.
    await prisma.$executeRaw`UPDATE jobs SET run_at = now() + interval '1 day' WHERE status = 'queued' AND unique_key <> ${jobKey("refund_order", refund.id)}`;
    await drainJobs({ handlers: jobHandlers });
    expect(await prisma.refund.findUniqueOrThrow({ where: { id: refund.id } })).toMatchObject({ status: "paid" });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("paid");
    const [notice] = await prisma.emailOutbox.findMany({ where: { idempotencyKey: jobKey("refund_order", refund.id) } });
    expect(notice.text).toContain("You cancelled under the event's cancellation policy");
    expect(notice.text).toContain("€15");
  });

  it("cancels the whole order for a fee: refund less the fee rounded half up, then refund_required → refunded", async () => {
    const { user, order, ticketTypes } = await paidOrder({ prices: [1999, 1001], quantities: [1, 2], policy: { cancellationPolicy: "fee", cancellationFeePercent: 15 } });
    const result = await cancelOrder({ orderId: order.id, ticketIds: null, viewer: user });
    // 1999 + 2 × 1001 = 4001; 15% = 600.15 → 600.
    expect(result).toEqual({ status: "refund_required", cancelled: 3, refundMinor: 3401, feeMinor: 600 });
    expect(await soldOf(ticketTypes[0].id)).toBe(0);
    expect(await soldOf(ticketTypes[1].id)).toBe(0);
    const [refund] = await prisma.refund.findMany({ where: { orderId: order.id } });
    await prisma.$executeRaw`UPDATE jobs SET run_at = now() + interval '1 day' WHERE status = 'queued' AND unique_key <> ${jobKey("refund_order", refund.id)}`;
    await drainJobs({ handlers: jobHandlers });
    expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe("refunded");
    const [notice] = await prisma.emailOutbox.findMany({ where: { idempotencyKey: jobKey("refund_order", refund.id) } });
    expect(notice.text).toMatch(/Cancellation fee:? *€6/);
  });

  it("lets a guest cancel with the order's private link, and nobody else", async () => {
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5, priceMinor: 900 }] });
    const order = await reserveTickets({ buyer: guestBuyer({ email: `cancel-guest-${Date.now()}@example.test`, name: "Gus Guest" }), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: null });
    const stranger = await createTestUser();
    const before = await snapshot(order.id);
    await expect(cancelOrder({ orderId: order.id, ticketIds: null, viewer: stranger })).rejects.toMatchObject({ code: "not_found" });
    await expect(cancelOrder({ orderId: order.id, ticketIds: null, viewer: null, accessToken: "not-a-token" })).rejects.toMatchObject({ code: "not_found" });
    expect(await snapshot(order.id)).toEqual(before);
    const link = await issueAccessToken(order.id);
    expect(await cancelOrder({ orderId: order.id, ticketIds: null, viewer: null, accessToken: link })).toMatchObject({ status: "refund_required", refundMinor: 900 });
  });

  it("refuses, changing nothing: no cancellation, too late, a used ticket, another order's ticket, a closed order", async () => {
    const none = await paidOrder({ policy: { cancellationPolicy: "none" } });
    let before = await snapshot(none.order.id);
    await expect(cancelOrder({ orderId: none.order.id, ticketIds: null, viewer: none.user })).rejects.toMatchObject({ code: "not_cancellable", messageKey: "cancelNotAllowed" });
    expect(await snapshot(none.order.id)).toEqual(before);

    const soon = await paidOrder({ startsInHours: 10, policy: { cancellationCutoffHours: 24 } });
    before = await snapshot(soon.order.id);
    const late = await cancelOrder({ orderId: soon.order.id, ticketIds: null, viewer: soon.user }).catch((error: unknown) => error);
    expect(late).toMatchObject({ code: "not_cancellable", messageKey: "cancelTooLate" });
    expect((late as { extensions?: { until?: string } }).extensions?.until).toBeTruthy();
    expect(await snapshot(soon.order.id)).toEqual(before);

    const used = await paidOrder();
    const staff = await createTestUser({ role: "admin" });
    const session = await prisma.ticket.findUniqueOrThrow({ where: { id: used.tickets[0].id }, select: { ticketType: { select: { sessionId: true } } } });
    await prisma.checkIn.create({ data: { ticketId: used.tickets[0].id, sessionId: session.ticketType!.sessionId, staffId: staff.id, staffEmail: staff.email, door: "main" } });
    before = await snapshot(used.order.id);
    await expect(cancelOrder({ orderId: used.order.id, ticketIds: null, viewer: used.user })).rejects.toMatchObject({ code: "not_cancellable", messageKey: "cancelCheckedIn" });
    // The other ticket was not used: it can go alone.
    expect(await cancelOrder({ orderId: used.order.id, ticketIds: [used.tickets[1].id], viewer: used.user })).toMatchObject({ status: "paid", cancelled: 1 });

    const other = await paidOrder();
    before = await snapshot(other.order.id);
    await expect(cancelOrder({ orderId: other.order.id, ticketIds: [used.tickets[0].id], viewer: other.user })).rejects.toMatchObject({ code: "not_found" });
    await expect(cancelOrder({ orderId: other.order.id, ticketIds: [], viewer: other.user })).rejects.toMatchObject({ code: "invalid" });
    expect(await snapshot(other.order.id)).toEqual(before);
    await cancelOrder({ orderId: other.order.id, ticketIds: null, viewer: other.user });
    await expect(cancelOrder({ orderId: other.order.id, ticketIds: null, viewer: other.user })).rejects.toMatchObject({ code: "not_cancellable", messageKey: "cancelClosed" });
  });

  it("two cancels of the same ticket at once: one refund, one place back", async () => {
    const { user, order, tickets, ticketTypes } = await paidOrder({ quantities: [2] });
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => cancelOrder({ orderId: order.id, ticketIds: [tickets[0].id], viewer: user })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await prisma.refund.count({ where: { orderId: order.id } })).toBe(1);
    expect(await soldOf(ticketTypes[0].id)).toBe(1);
  });

  it("gives a code's use back with the place it covered", async () => {
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 2000 }] });
    const voucher = await prisma.voucher.create({ data: { code: `CANCEL${Date.now()}`, kind: "percent_off", value: 25, maxUses: 5 } });
    const user = await createTestUser();
    const order = await reserveTickets({ buyer: accountBuyer(user.id), voucher: voucher.code, input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 3 }] } });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: null });
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).uses).toBe(3);
    const [ticket] = await prisma.ticket.findMany({ where: { orderId: order.id } });
    // What the buyer paid for the place (1500 after the code), not the list price, comes back.
    expect(await cancelOrder({ orderId: order.id, ticketIds: [ticket.id], viewer: user })).toMatchObject({ refundMinor: 1500 });
    expect((await prisma.voucher.findUniqueOrThrow({ where: { id: voucher.id } })).uses).toBe(2);
  });
});

describe("the refund equals the policy's figure to the cent (property)", () => {
  it("for any prices, fee and order of partial cancellations; all of them add up to the total", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 99_999 }), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
        fc.constantFrom<"free" | "fee">("free", "fee"),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 9 }),
        async (prices, quantities, kind, feePercent, chunks) => {
          const policy: CancellationPolicy = { kind, cutoffHours: 24, feePercent };
          const { user, order, tickets } = await paidOrder({ prices, quantities: quantities.slice(0, prices.length), policy: { cancellationPolicy: kind, cancellationFeePercent: feePercent } });
          const priceOfType = new Map((await prisma.orderItem.findMany({ where: { orderId: order.id } })).map((item) => [item.ticketTypeId, item.unitPriceMinor]));
          let left = [...tickets];
          for (const size of chunks) {
            if (left.length === 0) break;
            const chosen = left.slice(0, size);
            left = left.slice(size);
            const expected = cancellationRefund(policy, chosen.reduce((sum, ticket) => sum + priceOfType.get(ticket.ticketTypeId!)!, 0));
            const result = await cancelOrder({ orderId: order.id, ticketIds: left.length === 0 ? null : chosen.map((ticket) => ticket.id), viewer: user });
            expect({ refundMinor: result.refundMinor, feeMinor: result.feeMinor }).toEqual(expected);
          }
          const refunds = await prisma.refund.findMany({ where: { orderId: order.id } });
          const given = refunds.reduce((sum, refund) => sum + refund.amountMinor + refund.feeMinor, 0);
          const cancelledAll = left.length === 0;
          const stored = await prisma.order.findUniqueOrThrow({ where: { id: order.id } });
          if (cancelledAll) expect(given).toBe(stored.totalMinor);
          else expect(given).toBeLessThan(stored.totalMinor + 1);
          expect(stored.status).toBe(cancelledAll ? "refund_required" : "paid");
        },
      ),
      { numRuns: 25 },
    );
  });
});
