import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { createBookableEvent, createTestUser, createTicketedEvent, expireHold } from "@/tests/fixtures";
import { instantAt, localDateAndMinute } from "@/lib/time";
import { reserveBooking } from "./reserve-booking";
import { reserveTickets } from "./reserve-tickets";
import {
  cancelUnpaidOrder,
  confirmOrderPayment,
  markOrderRefunded,
  ORDER_STATUSES,
  ORDER_TRANSITIONS,
  refundPaidOrder,
  releasePendingOrder,
  type OrderStatus,
  type OrderTransition,
} from "./transitions";
import { cancelOrder } from "./cancel-order";
import { accountBuyer } from "./buyer";

// Every transition from every status: allowed ones change the status to one the table names,
// every other one changes nothing at all (status and places as they were).

async function orderIn(status: OrderStatus) {
  const user = await createTestUser();
  const { resource } = await createBookableEvent();
  const day = localDateAndMinute(new Date(Date.now() + 3 * 24 * 3600_000), "Europe/Lisbon").date;
  const order = await reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId: resource.id, start: instantAt(day, 10 * 60, "Europe/Lisbon"), minutes: 60 } });
  if (status === "paid" || status === "refund_required" || status === "refunded") await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "t" });
  if (status === "refund_required" || status === "refunded") await refundPaidOrder(order.id);
  if (status === "refunded") await markOrderRefunded(order.id, (await owedRefund(order.id))!);
  if (status === "expired") await releasePendingOrder(order.id);
  if (status === "cancelled") await cancelUnpaidOrder(order.id);
  expect((await prisma.order.findUniqueOrThrow({ where: { id: order.id } })).status).toBe(status);
  return { orderId: order.id, user };
}

const owedRefund = async (orderId: string) => (await prisma.refund.findFirst({ where: { orderId, status: "pending" } }))?.id;

const RUN: Record<OrderTransition, (order: Awaited<ReturnType<typeof orderIn>>) => Promise<unknown>> = {
  confirmPayment: ({ orderId }) => confirmOrderPayment({ orderId, provider: "local", paymentRef: "again" }),
  release: ({ orderId }) => releasePendingOrder(orderId),
  cancelUnpaid: ({ orderId }) => cancelUnpaidOrder(orderId),
  refund: ({ orderId }) => refundPaidOrder(orderId),
  cancel: ({ orderId, user }) => cancelOrder({ orderId, ticketIds: null, viewer: user }),
  markRefunded: async ({ orderId }) => markOrderRefunded(orderId, (await owedRefund(orderId)) ?? crypto.randomUUID()),
};

describe("the order state machine", () => {
  for (const transition of Object.keys(ORDER_TRANSITIONS) as OrderTransition[]) {
    for (const from of ORDER_STATUSES) {
      const allowed: readonly OrderStatus[] = (ORDER_TRANSITIONS[transition] as Partial<Record<OrderStatus, readonly OrderStatus[]>>)[from] ?? [];
      it(`${transition} from ${from}: ${allowed.length ? `→ ${allowed.join(" | ")}` : "refused, nothing changes"}`, async () => {
        const order = await orderIn(from);
        const before = await prisma.booking.findFirstOrThrow({ where: { orderId: order.orderId }, select: { status: true } });
        await RUN[transition](order).catch(() => undefined);
        const after = (await prisma.order.findUniqueOrThrow({ where: { id: order.orderId } })).status;
        if (allowed.length) {
          expect(allowed).toContain(after);
        } else {
          expect(after).toBe(from);
          expect(await prisma.booking.findFirstOrThrow({ where: { orderId: order.orderId }, select: { status: true } })).toEqual(before);
        }
      });
    }
  }
});

describe("a fast, lock-free 'sold out'", () => {
  it("refuses a sold-out ticket type while another transaction holds its row lock, without waiting for it", async () => {
    const [first, second] = [await createTestUser(), await createTestUser()];
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 1 }] });
    await reserveTickets({ buyer: accountBuyer(first.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });

    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query("SELECT 1 FROM ticket_types WHERE id = $1 FOR UPDATE", [ticketTypes[0].id]);
      // If the refusal took the lock it would wait on the blocker (which never lets go here).
      const error = await reserveTickets({ buyer: accountBuyer(second.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } }).catch((e) => e);
      expect(error.code).toBe("sold_out");
    } finally {
      await blocker.query("ROLLBACK");
      await blocker.end();
    }
  });

  it("takes the lock and gives back an expired hold when that is what frees the place", async () => {
    const [first, second] = [await createTestUser(), await createTestUser()];
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 1 }] });
    const abandoned = await reserveTickets({ buyer: accountBuyer(first.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    await expireHold(abandoned.id);
    const order = await reserveTickets({ buyer: accountBuyer(second.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    expect(order.status).toBe("pending");
    expect(await prisma.orderItem.findFirstOrThrow({ where: { orderId: abandoned.id } })).toMatchObject({ status: "released" });
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).toMatchObject({ held: 1, remaining: 0 });
  });
});

describe("the hold limit per buyer", () => {
  afterEach(() => {
    process.env.MAX_HELD_PLACES_PER_USER = "1000";
    resetEnvCacheForTests();
  });

  it("refuses a buyer who already holds the limit unpaid, and lets them buy again once they paid", async () => {
    process.env.MAX_HELD_PLACES_PER_USER = "5";
    resetEnvCacheForTests();
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 100 }] });
    const buy = (quantity: number) => reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity }] } });
    const first = await buy(4);
    const refused = await buy(2).catch((e) => e);
    expect(refused).toMatchObject({ code: "hold_limit" });
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(1);
    await confirmOrderPayment({ orderId: first.id, provider: "local", paymentRef: "p" });
    expect((await buy(5)).status).toBe("pending");
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).toMatchObject({ sold: 4, held: 5 });
  });

  it("holds under concurrency: 8 simultaneous purchases of 5 against a limit of 20 hold 20, the rest are refused", async () => {
    process.env.MAX_HELD_PLACES_PER_USER = "20";
    resetEnvCacheForTests();
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 100 }, { capacity: 100 }] });
    // Two ticket types, so the purchases do not all queue on one type's row lock anyway.
    const outcomes = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[index % 2].id, quantity: 5 }] } }).then(
          () => "held",
          (error) => error.code,
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === "held")).toHaveLength(4);
    expect(outcomes.filter((outcome) => outcome === "hold_limit")).toHaveLength(4);
    const held = await prisma.orderItem.aggregate({ where: { order: { userId: user.id }, status: "held" }, _sum: { quantity: true } });
    expect(held._sum.quantity).toBe(20);
  });
});
