import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { AvailabilityHub, LISTENER_APPLICATION_NAME, availabilityHub, subscribe, type RealtimeMessage } from "./listener";
import { collector, waitUntil } from "@/tests/realtime-fixtures";
import { accountBuyer } from "@/lib/orders/buyer";

const hubs: AvailabilityHub[] = [];
function newHub(): AvailabilityHub {
  const hub = new AvailabilityHub({ databaseUrl: process.env.DATABASE_URL!, minBackoffMs: 20, maxBackoffMs: 200 });
  hubs.push(hub);
  return hub;
}
afterEach(async () => {
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

async function listenerBackends(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM pg_stat_activity WHERE application_name = ${LISTENER_APPLICATION_NAME}`;
  return row.count;
}

const forSession = (sessionId: string) => (message: RealtimeMessage) => message.type === "availability" && message.change.sessionId === sessionId;

describe("availability notifications", () => {
  it("a purchase reaches a subscriber within a second, with the new figures", async () => {
    const hub = newHub();
    const received = collector();
    hub.subscribe(received.listener);
    await received.waitFor((message) => message.type === "resync", 5_000);

    const user = await createTestUser();
    const { session, ticketTypes, event } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }, { capacity: 4 }] });
    const started = Date.now();
    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[1].id, quantity: 3 }] } });
    // (The creation of the event was announced too, possibly just now: wait for the sale.)
    const message = await received.waitFor((candidate) => forSession(session.id)(candidate) && candidate.type === "availability" && candidate.change.remaining === 11, 1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(message).toMatchObject({
      type: "availability",
      change: {
        sessionId: session.id,
        eventId: event.id,
        deleted: false,
        public: true,
        cancelled: false,
        remaining: 11,
        ticketTypes: [{ id: ticketTypes[0].id, remaining: 10 }, { id: ticketTypes[1].id, remaining: 1 }],
      },
    });
    const [feed] = await prisma.$queryRaw<{ change_number: bigint }[]>`SELECT change_number FROM session_feed_items WHERE session_id = ${session.id}::uuid`;
    expect(message.type === "availability" && message.change.changeNumber).toBe(Number(feed.change_number));
  });

  it("sends nothing for a transaction that rolls back, and a deletion as deleted", async () => {
    const hub = newHub();
    const received = collector();
    hub.subscribe(received.listener);
    await received.waitFor((message) => message.type === "resync", 5_000);
    const { session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });

    await prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE ticket_types SET held = 5 WHERE id = ${ticketTypes[0].id}::uuid`;
        throw new Error("roll back");
      })
      .catch(() => {});
    await prisma.eventSession.delete({ where: { id: session.id } });
    const deleted = await received.waitFor((message) => forSession(session.id)(message) && message.type === "availability" && message.change.deleted);
    const forThis = received.messages.filter(forSession(session.id));
    // The insert of the session and its ticket type, then the deletion: never the rolled-back hold.
    expect(forThis.every((message) => message.type === "availability" && message.change.remaining !== 5)).toBe(true);
    expect(deleted).toMatchObject({ change: { deleted: true, remaining: 0 } });
  });

  it("two subscribers in one process share one LISTEN connection and both get every change", async () => {
    const first = collector();
    const second = collector();
    const unsubscribeFirst = subscribe(first.listener);
    const unsubscribeSecond = subscribe(second.listener);
    try {
      await waitUntil(() => availabilityHub().stats().listening, 5_000);
      expect(availabilityHub().stats()).toMatchObject({ subscribers: 2, listening: true, connections: 1 });
      expect(await listenerBackends()).toBe(1);

      const user = await createTestUser();
      const { session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
      await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
      for (const received of [first, second]) {
        await received.waitFor((message) => forSession(session.id)(message) && message.type === "availability" && message.change.remaining === 8);
      }
      expect(await listenerBackends()).toBe(1);
    } finally {
      unsubscribeFirst();
      unsubscribeSecond();
      unsubscribeSecond();
      await availabilityHub().close();
    }
    expect(availabilityHub().stats().subscribers).toBe(0);
    await waitUntil(async () => (await listenerBackends()) === 0);
  });

  it("every app instance (one hub each) gets every change", async () => {
    const instances = [newHub(), newHub()];
    const received = instances.map((hub) => {
      const messages = collector();
      hub.subscribe(messages.listener);
      return messages;
    });
    await Promise.all(received.map((messages) => messages.waitFor((message) => message.type === "resync", 5_000)));
    const { session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    await prisma.ticketType.update({ where: { id: ticketTypes[0].id }, data: { sold: 4 } });
    for (const messages of received) {
      await messages.waitFor((message) => forSession(session.id)(message) && message.type === "availability" && message.change.remaining === 6);
    }
  });

  it("reconnects after losing its connection, and asks subscribers to catch up", async () => {
    const hub = newHub();
    const received = collector();
    hub.subscribe(received.listener);
    await received.waitFor((message) => message.type === "resync", 5_000);
    await prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${LISTENER_APPLICATION_NAME}`;
    await waitUntil(() => received.messages.filter((message) => message.type === "resync").length === 2, 5_000);
    expect(hub.stats()).toMatchObject({ listening: true, connections: 2 });

    const { session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 3 }] });
    await prisma.ticketType.update({ where: { id: ticketTypes[0].id }, data: { held: 1 } });
    await received.waitFor((message) => forSession(session.id)(message) && message.type === "availability" && message.change.remaining === 2);
  });
});
