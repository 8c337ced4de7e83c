import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTestUser, createTicketedEvent, expireHold } from "@/tests/fixtures";
import { cancelUnpaidOrder, confirmOrderPayment } from "./transitions";
import { isOrderError } from "./errors";
import { reserveTickets } from "./reserve-tickets";
import { sweepExpiredHolds } from "./release-expired-holds";
import { accountBuyer } from "./buyer";

async function counts(ticketTypeId: string) {
  return prisma.ticketType.findUniqueOrThrow({ where: { id: ticketTypeId }, select: { sold: true, held: true, remaining: true, capacity: true } });
}

describe("reserveTickets", () => {
  it("holds places, updates the stored remaining figures of the type and the session", async () => {
    const user = await createTestUser();
    const { ticketTypes, session } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }, { capacity: 5 }] });
    const order = await reserveTickets({
      buyer: accountBuyer(user.id),
      input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }, { ticketTypeId: ticketTypes[1].id, quantity: 1 }] },
    });
    expect(order.status).toBe("pending");
    expect(order.totalMinor).toBe(3 * 1500);
    expect(await counts(ticketTypes[0].id)).toMatchObject({ held: 2, sold: 0, remaining: 8 });
    const storedSession = await prisma.eventSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(storedSession.remaining).toBe(12);
  });

  it("keeps the buyer's language on the order (English when not said) and names each refusal's message", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const portuguese = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, locale: "pt" });
    const unsaid = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    const stored = await prisma.order.findMany({ where: { id: { in: [portuguese.id, unsaid.id] } }, select: { id: true, locale: true } });
    expect(Object.fromEntries(stored.map((order) => [order.id, order.locale]))).toEqual({ [portuguese.id]: "pt", [unsaid.id]: "en" });
    const refusal = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 9 }] }, locale: "de" }).catch((e) => e);
    expect(refusal).toMatchObject({ code: "not_enough", messageKey: "notEnough", messageValues: { count: 8 } });
  });

  it("refuses more than the per-order limit, zero-only selections and too many, writing nothing", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 100 }, { capacity: 3 }] });
    const attempts = [
      [{ ticketTypeId: ticketTypes[0].id, quantity: 11 }],
      [{ ticketTypeId: ticketTypes[0].id, quantity: 0 }],
      [{ ticketTypeId: ticketTypes[1].id, quantity: 4 }],
    ];
    const codes = [];
    for (const items of attempts) {
      const error = await reserveTickets({ buyer: accountBuyer(user.id), input: { items } }).catch((e) => e);
      expect(isOrderError(error)).toBe(true);
      codes.push(error.code);
    }
    expect(codes).toEqual(["too_many", "invalid", "not_enough"]);
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0);
    expect(await counts(ticketTypes[1].id)).toMatchObject({ held: 0, remaining: 3 });
  });

  it("does not sell a draft event or a past session", async () => {
    const user = await createTestUser();
    const draft = await createTicketedEvent({ status: "draft", ticketTypes: [{ capacity: 5 }] });
    const past = await createTicketedEvent({ startsAt: new Date(Date.now() - 3600_000), ticketTypes: [{ capacity: 5 }] });
    for (const { ticketTypes } of [draft, past]) {
      const error = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } }).catch((e) => e);
      expect(error.code).toBe("not_on_sale");
    }
  });

  it("300 concurrent buyers for 50 places: exactly 50 sold, 250 clean sold-out answers", async () => {
    const { ticketTypes, session } = await createTicketedEvent({ ticketTypes: [{ capacity: 50 }] });
    const buyers = await Promise.all(Array.from({ length: 300 }, () => createTestUser()));
    const results = await Promise.allSettled(
      buyers.map((buyer) => reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } })),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(50);
    expect(lost).toHaveLength(250);
    expect(lost.every((result) => isOrderError(result.reason) && result.reason.code === "sold_out")).toBe(true);
    expect(await counts(ticketTypes[0].id)).toMatchObject({ held: 50, sold: 0, remaining: 0 });
    expect((await prisma.eventSession.findUniqueOrThrow({ where: { id: session.id } })).remaining).toBe(0);
    const paid = await Promise.all(won.map((result) => confirmOrderPayment({ orderId: (result as PromiseFulfilledResult<{ id: string }>).value.id, provider: "local", paymentRef: null })));
    expect(paid.every((outcome) => outcome.outcome === "paid")).toBe(true);
    expect(await counts(ticketTypes[0].id)).toMatchObject({ held: 0, sold: 50, remaining: 0 });
    expect(await prisma.ticket.count({ where: { ticketTypeId: ticketTypes[0].id } })).toBe(50);
  });

  it("many buyers of two ticket types listed in opposite orders never deadlock", async () => {
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 1000 }, { capacity: 1000 }] });
    const buyers = await Promise.all(Array.from({ length: 120 }, () => createTestUser()));
    const [a, b] = ticketTypes;
    const results = await Promise.allSettled(
      buyers.map((buyer, index) =>
        reserveTickets({
          buyer: accountBuyer(buyer.id),
          input: {
            items: index % 2
              ? [{ ticketTypeId: a.id, quantity: 1 }, { ticketTypeId: b.id, quantity: 2 }]
              : [{ ticketTypeId: b.id, quantity: 2 }, { ticketTypeId: a.id, quantity: 1 }],
          },
        }),
      ),
    );
    expect(results.filter((result) => result.status === "rejected")).toEqual([]);
    expect(await counts(a.id)).toMatchObject({ held: 120 });
    expect(await counts(b.id)).toMatchObject({ held: 240 });
  });

  it("gives the places of an expired hold to the next buyer", async () => {
    const [first, second] = [await createTestUser(), await createTestUser()];
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 2 }] });
    const items = [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }];
    const abandoned = await reserveTickets({ buyer: accountBuyer(first.id), input: { items } });
    await expect(reserveTickets({ buyer: accountBuyer(second.id), input: { items } })).rejects.toMatchObject({ code: "sold_out" });
    await expireHold(abandoned.id);
    const taken = await reserveTickets({ buyer: accountBuyer(second.id), input: { items } });
    expect(taken.status).toBe("pending");
    expect(await counts(ticketTypes[0].id)).toMatchObject({ held: 2, remaining: 0 });
    // The abandoned order's payment arrives late: the places are gone, so it needs a refund.
    expect(await confirmOrderPayment({ orderId: abandoned.id, provider: "local", paymentRef: "late" })).toMatchObject({ outcome: "refund_required" });
    expect(await prisma.ticket.count({ where: { orderId: abandoned.id } })).toBe(0);
    expect(await prisma.job.count({ where: { kind: "refund_order", payload: { path: ["orderId"], equals: abandoned.id } } })).toBe(1);
    expect(await counts(ticketTypes[0].id)).toMatchObject({ held: 2, sold: 0 });
  });

  it("a late payment takes its places again when they are still free", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 3 }] } });
    await expireHold(order.id);
    await sweepExpiredHolds();
    expect(await counts(ticketTypes[0].id)).toMatchObject({ held: 0, remaining: 5 });
    expect(await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "late" })).toMatchObject({ outcome: "paid" });
    expect(await counts(ticketTypes[0].id)).toMatchObject({ held: 0, sold: 3, remaining: 2 });
  });

  it("confirming twice, even at the same moment, issues the tickets once", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p1" })),
    );
    expect(outcomes.filter((outcome) => outcome.outcome === "paid")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.outcome === "unchanged")).toHaveLength(4);
    expect(await prisma.ticket.count({ where: { orderId: order.id } })).toBe(2);
    expect(await prisma.job.count({ where: { uniqueKey: `deliver_order:${order.id}` } })).toBe(1);
    expect(await counts(ticketTypes[0].id)).toMatchObject({ held: 0, sold: 2, remaining: 3 });
  });

  it("a payment for an order cancelled meanwhile is refunded, not kept", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    // Cancelled the way the app does it: places given back, then the order closed.
    await cancelUnpaidOrder(order.id);
    expect(await confirmOrderPayment({ orderId: order.id, provider: "stripe", paymentRef: "cs_x" })).toMatchObject({ outcome: "refund_required" });
    expect(await confirmOrderPayment({ orderId: order.id, provider: "stripe", paymentRef: "cs_x" })).toMatchObject({ outcome: "unchanged" });
    expect(await prisma.ticket.count({ where: { orderId: order.id } })).toBe(0);
    expect(await prisma.job.count({ where: { kind: "refund_order", payload: { path: ["orderId"], equals: order.id } } })).toBe(1);
  });

  it("free tickets skip payment: the order is paid and its tickets issued at once", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5, priceMinor: 0 }] });
    const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
    expect(order.status).toBe("paid");
    expect(await prisma.ticket.count({ where: { orderId: order.id } })).toBe(2);
  });
});

describe("the database guards capacity on its own", () => {
  it("rejects a write around the app that would oversell", async () => {
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 3 }] });
    await expect(prisma.$executeRaw`UPDATE ticket_types SET sold = 4 WHERE id = ${ticketTypes[0].id}::uuid`).rejects.toThrow(/ticket_types_within_capacity/);
    await expect(prisma.$executeRaw`UPDATE ticket_types SET held = -1 WHERE id = ${ticketTypes[0].id}::uuid`).rejects.toThrow(/ticket_types_counts_not_negative/);
    await expect(prisma.$executeRaw`UPDATE ticket_types SET price_minor = -5 WHERE id = ${ticketTypes[0].id}::uuid`).rejects.toThrow(/ticket_types_price_not_negative/);
  });

  it("refuses a price that moved since the buyer's quote, never charges it silently, and quotes the new price next", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 1500 }] });
    const items = [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }];
    // The rules are read (and kept) by a first purchase; then the admin raises the price.
    await reserveTickets({ buyer: accountBuyer(user.id), input: { items } });
    await prisma.ticketType.update({ where: { id: ticketTypes[0].id }, data: { priceMinor: 1800 } });
    // Quoted on the kept copy at the old price, refused by the commit, and not re-quoted silently.
    await expect(reserveTickets({ buyer: accountBuyer(user.id), input: { items } })).rejects.toMatchObject({ code: "price_changed" });
    // Quoted afresh at the new price, but the buyer was shown the old total.
    await expect(reserveTickets({ buyer: accountBuyer(user.id), input: { items }, expectedTotalMinor: 3000 })).rejects.toMatchObject({ code: "price_changed" });
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(1);
    const next = await reserveTickets({ buyer: accountBuyer(user.id), input: { items }, expectedTotalMinor: 3600 });
    expect(next.totalMinor).toBe(3600);
    expect(await prisma.orderItem.findFirstOrThrow({ where: { orderId: next.id } })).toMatchObject({ unitPriceMinor: 1800 });
  });
});
