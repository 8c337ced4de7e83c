import { describe, expect, it } from "vitest";
import { Client } from "pg";
import { prisma, sql } from "@/lib/db";
import { accountBuyer } from "@/lib/orders/buyer";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { joinWaitlist } from "./join-waitlist";
import { sweepWaitlistOffers } from "./sweep-offers";

// A place given back on one ticket type of a shared quota is a place for every type of that
// quota (docs/decisions/0018): the other types' lines get it in the same commit when their
// rows are free, and the sweep offers it within a tick when a purchase held one at the time.

let guests = 0;
const guest = () => ({ email: `quota-wait-${Date.now()}-${++guests}@example.test`, name: "Quinn" });

/** Standing and Seated share a hall of 2; both sold out by Standing's paid order of 2. */
async function sharedHallSoldOut() {
  const user = await createTestUser();
  const { event, session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 2, priceMinor: 1000 }, { capacity: 2, priceMinor: 3000 }] });
  const [standing, seated] = ticketTypes;
  const quota = await prisma.quota.create({ data: { sessionId: session.id, name: "Hall", capacity: 2, ticketTypes: { create: ticketTypes.map((type) => ({ ticketTypeId: type.id })) } } });
  const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: standing.id, quantity: 2 }] } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "local_test" });
  const tickets = await prisma.ticket.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
  return { user, event, quota, standing, seated, order, tickets };
}

const join = (eventId: string, ticketTypeId: string, quantity = 1) => joinWaitlist({ event: { id: eventId }, input: { ticketTypeId, quantity, ...guest() }, viewer: null, locale: "en" });
const statusOf = async (id: string) => (await prisma.waitlistEntry.findUniqueOrThrow({ where: { id } })).status;
const available = async (typeId: string) => (await sql<{ n: number }>`SELECT ticket_type_available(${typeId}::uuid) AS n`)[0].n;

describe("the waiting list of a shared quota", () => {
  it("offers a place given back on one type to another type's line in the same commit", async () => {
    const world = await sharedHallSoldOut();
    const seatedFan = await join(world.event.id, world.seated.id);
    await cancelOrder({ orderId: world.order.id, ticketIds: [world.tickets[0].id], viewer: world.user });
    expect(await statusOf(seatedFan.id)).toBe("offered");
    // Held for the offer: neither type shows it free.
    expect([await available(world.standing.id), await available(world.seated.id)]).toEqual([0, 0]);
  });

  it("gives the type's own line the place first, then the other line what is left", async () => {
    const world = await sharedHallSoldOut();
    const seatedFan = await join(world.event.id, world.seated.id);
    const standingFan = await join(world.event.id, world.standing.id);
    await cancelOrder({ orderId: world.order.id, ticketIds: [world.tickets[0].id], viewer: world.user });
    expect([await statusOf(standingFan.id), await statusOf(seatedFan.id)]).toEqual(["offered", "waiting"]);
    await cancelOrder({ orderId: world.order.id, ticketIds: [world.tickets[1].id], viewer: world.user });
    expect(await statusOf(seatedFan.id)).toBe("offered");
  });

  it("passes over a type a purchase holds rather than wait for it, and the sweep offers the place a tick later", async () => {
    const world = await sharedHallSoldOut();
    const seatedFan = await join(world.event.id, world.seated.id);
    // Another transaction holds the seated type's row (as a purchase does, mid-commit).
    const holder = new Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM ticket_types WHERE id = $1 FOR UPDATE", [world.seated.id]);
      // Not blocked behind the holder (waiting would hang here until the test's timeout): the
      // cancellation commits while the row is still held, and the place is not offered yet.
      await cancelOrder({ orderId: world.order.id, ticketIds: [world.tickets[0].id], viewer: world.user });
      expect(await statusOf(seatedFan.id)).toBe("waiting");
      await holder.query("ROLLBACK");
    } finally {
      await holder.end();
    }
    await sweepWaitlistOffers();
    expect(await statusOf(seatedFan.id)).toBe("offered");
    expect(await available(world.seated.id)).toBe(0);
  });

  it("offers places a larger quota brings, at the next sweep", async () => {
    const world = await sharedHallSoldOut();
    const seatedFan = await join(world.event.id, world.seated.id);
    await prisma.quota.update({ where: { id: world.quota.id }, data: { capacity: 3 } });
    expect(await statusOf(seatedFan.id)).toBe("waiting");
    await sweepWaitlistOffers();
    expect(await statusOf(seatedFan.id)).toBe("offered");
  });
});

describe("a shared quota hammered on both types while its tickets are cancelled", () => {
  it("never deadlocks and sells none of the places a line on the other type waits for", { timeout: 180_000 }, async () => {
    const CAPACITY = 20;
    const owner = await createTestUser();
    const { event, session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: CAPACITY, priceMinor: 1000 }, { capacity: CAPACITY, priceMinor: 3000 }] });
    const [standing, seated] = ticketTypes;
    await prisma.quota.create({ data: { sessionId: session.id, name: "Hall", capacity: CAPACITY, ticketTypes: { create: ticketTypes.map((type) => ({ ticketTypeId: type.id })) } } });
    // The hall sold out on standing; the line is on seated only, so every place given back
    // reaches it through the quota (the trigger's pass to the other type, or a buyer's lock).
    const orders: string[] = [];
    for (let i = 0; i < CAPACITY; i++) {
      const order = await reserveTickets({ buyer: accountBuyer(owner.id), input: { items: [{ ticketTypeId: standing.id, quantity: 1 }] } });
      await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: `local_${i}` });
      orders.push(order.id);
    }
    const line: string[] = [];
    for (let i = 0; i < CAPACITY + 5; i++) line.push((await join(event.id, seated.id)).id);

    const cancellations = (async () => {
      for (let i = 0; i < orders.length; i += 4) {
        await Promise.all(orders.slice(i, i + 4).map((orderId) => cancelOrder({ orderId, ticketIds: null, viewer: owner })));
      }
    })();
    let bought = 0;
    const refusals = new Set<string>();
    for (let wave = 0; wave < 4; wave++) {
      const results = await Promise.allSettled(
        Array.from({ length: 60 }, (_, index) =>
          reserveTickets({ buyer: accountBuyer(owner.id), input: { items: [{ ticketTypeId: ticketTypes[index % 2].id, quantity: 1 }] } }),
        ),
      );
      for (const result of results) {
        if (result.status === "fulfilled") bought++;
        else refusals.add(String((result.reason as { code?: string }).code));
      }
    }
    await cancellations;
    await sweepWaitlistOffers();

    expect(bought).toBe(0);
    expect([...refusals]).toEqual(["sold_out"]);
    const entries = await prisma.waitlistEntry.findMany({ where: { ticketTypeId: seated.id } });
    const statusOf = new Map(entries.map((entry) => [entry.id, entry.status]));
    expect(line.map((id) => statusOf.get(id))).toEqual([...Array(CAPACITY).fill("offered"), ...Array(5).fill("waiting")]);
    const [hall] = await sql<{ held: number; sold: number }>`SELECT sum(held)::int AS held, sum(sold)::int AS sold FROM ticket_types WHERE id = ANY(${ticketTypes.map((type) => type.id)}::uuid[])`;
    expect(hall).toEqual({ held: CAPACITY, sold: 0 });
  });
});
