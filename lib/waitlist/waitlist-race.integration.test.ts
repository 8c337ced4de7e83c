import { describe, expect, it } from "vitest";
import { prisma, sql } from "@/lib/db";
import { accountBuyer, guestBuyer } from "@/lib/orders/buyer";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { joinWaitlist } from "./join-waitlist";

// Issue 29's measured case, against the real database under real concurrency: 500 buyers
// hammer a sold-out ticket type in waves while its tickets are being cancelled at the same
// time. Every place that comes back becomes an offer to the waiting list, in list order; the
// buyers get none of them.

const CAPACITY = 40;
const WAITING = 60;
const BUYERS = 500;
const WAVE = 100;

describe("a sold-out type hammered while its tickets are cancelled", () => {
  it("gives the buyers 0 of the returned places and offers every one, in list order", { timeout: 180_000 }, async () => {
    const owner = await createTestUser();
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: CAPACITY, priceMinor: 2000 }] });
    const type = ticketTypes[0];
    const orders: string[] = [];
    for (let i = 0; i < CAPACITY; i++) {
      const order = await reserveTickets({ buyer: accountBuyer(owner.id), input: { items: [{ ticketTypeId: type.id, quantity: 1 }] } });
      await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: `local_${i}` });
      orders.push(order.id);
    }
    const line: string[] = [];
    for (let i = 0; i < WAITING; i++) {
      const joined = await joinWaitlist({ event: { id: event.id }, input: { ticketTypeId: type.id, quantity: 1, email: `line-${i}-${type.id}@example.test`, name: `In line ${i}` }, viewer: null, locale: "en" });
      line.push(joined.id);
    }

    // The cancellations run through the waves, a few at a time, beside the buyers.
    const cancellations = (async () => {
      for (let i = 0; i < orders.length; i += 4) {
        await Promise.all(orders.slice(i, i + 4).map((orderId) => cancelOrder({ orderId, ticketIds: null, viewer: owner })));
      }
    })();
    let bought = 0;
    const refusals = new Map<string, number>();
    for (let wave = 0; wave < BUYERS / WAVE; wave++) {
      const results = await Promise.allSettled(
        Array.from({ length: WAVE }, (_, index) =>
          reserveTickets({ buyer: guestBuyer({ email: `hammer-${wave}-${index}-${type.id}@example.test`, name: "Hammer" }), input: { items: [{ ticketTypeId: type.id, quantity: 1 }] } }),
        ),
      );
      for (const result of results) {
        if (result.status === "fulfilled") bought++;
        else refusals.set(String((result.reason as { code?: string }).code), (refusals.get(String((result.reason as { code?: string }).code)) ?? 0) + 1);
      }
    }
    await cancellations;

    expect(bought).toBe(0);
    expect([...refusals.keys()]).toEqual(["sold_out"]);
    const entries = await prisma.waitlistEntry.findMany({ where: { ticketTypeId: type.id } });
    const statusOf = new Map(entries.map((entry) => [entry.id, entry.status]));
    // Exactly the first CAPACITY in line hold an offer; the rest still wait.
    expect(line.map((id) => statusOf.get(id))).toEqual([...Array(CAPACITY).fill("offered"), ...Array(WAITING - CAPACITY).fill("waiting")]);
    const [counts] = await sql<{ sold: number; held: number; available: number }>`
      SELECT sold, held, ticket_type_available(id) AS available FROM ticket_types WHERE id = ${type.id}::uuid`;
    expect(counts).toEqual({ sold: 0, held: CAPACITY, available: 0 });
    expect(await prisma.job.count({ where: { kind: "waitlist_offer", uniqueKey: { in: line.map((id) => `waitlist_offer:${id}`) } } })).toBe(CAPACITY);
  });
});
