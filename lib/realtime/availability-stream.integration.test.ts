import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { createAvailabilityStream } from "./availability-stream";
import { AvailabilityHub, type RealtimeListener } from "./listener";
import { SseReader, waitUntil } from "@/tests/realtime-fixtures";
import type { AvailabilityFilter } from "./types";
import { accountBuyer } from "@/lib/orders/buyer";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function open(filter: AvailabilityFilter, options: { lastEventId?: number; hub?: AvailabilityHub; subscribe?: (listener: RealtimeListener) => () => void; heartbeatMs?: number } = {}) {
  const abort = new AbortController();
  const hub = options.hub;
  const stream = createAvailabilityStream({
    filter,
    lastEventId: options.lastEventId,
    signal: abort.signal,
    heartbeatMs: options.heartbeatMs,
    subscribe: options.subscribe ?? (hub ? (listener) => hub.subscribe(listener) : undefined),
  });
  const reader = new SseReader(stream);
  cleanups.push(async () => {
    abort.abort();
    await reader.cancel();
  });
  return { reader, abort };
}

function newHub() {
  const hub = new AvailabilityHub({ databaseUrl: process.env.DATABASE_URL!, idleCloseMs: 10 });
  cleanups.push(() => hub.close());
  return hub;
}

async function changeNumberOf(sessionId: string): Promise<number> {
  const [row] = await prisma.$queryRaw<{ change_number: bigint }[]>`SELECT change_number FROM session_feed_items WHERE session_id = ${sessionId}::uuid`;
  return Number(row.change_number);
}

const availability = (event: { event: string }) => event.event === "availability";

describe("the availability stream", () => {
  it("sends the watched sessions' figures at once, then each change live, with the change number as id", async () => {
    const user = await createTestUser();
    const watched = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }, { capacity: 5 }] });
    const other = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const hub = newHub();
    const { reader } = open({ sessionIds: [watched.session.id] }, { hub });

    const [snapshot] = await reader.waitFor(availability);
    expect(snapshot.id).toBe(String(await changeNumberOf(watched.session.id)));
    expect(JSON.parse(snapshot.data)).toEqual({
      sessionId: watched.session.id,
      eventId: watched.event.id,
      changeNumber: Number(snapshot.id),
      deleted: false,
      cancelled: false,
      remaining: 15,
      ticketTypes: [{ id: watched.ticketTypes[0].id, remaining: 10 }, { id: watched.ticketTypes[1].id, remaining: 5 }],
    });
    await waitUntil(() => hub.stats().listening, 5_000);

    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: other.ticketTypes[0].id, quantity: 1 }] } });
    const started = Date.now();
    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: watched.ticketTypes[1].id, quantity: 2 }] } });
    const events = await reader.waitFor(availability, { count: 2, timeoutMs: 1_000 });
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(JSON.parse(events[1].data)).toMatchObject({ sessionId: watched.session.id, remaining: 13, ticketTypes: [{ remaining: 10 }, { remaining: 3 }] });
    expect(Number(events[1].id)).toBeGreaterThan(Number(events[0].id));
    expect(reader.events.filter(availability).every((event) => JSON.parse(event.data).sessionId === watched.session.id)).toBe(true);
  });

  it("a reconnect with Last-Event-ID gets the current figures of what changed after it, once", async () => {
    const user = await createTestUser();
    const { event, session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const untouched = await prisma.eventSession.create({
      data: { eventId: event.id, venueId: session.venueId, startsAt: new Date(session.endsAt.getTime() + 3600_000), endsAt: new Date(session.endsAt.getTime() + 7200_000) },
    });
    const seen = Math.max(await changeNumberOf(session.id), await changeNumberOf(untouched.id));
    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });

    const { reader } = open({ eventId: event.id }, { lastEventId: seen, hub: newHub() });
    const [caughtUp] = await reader.waitFor(availability);
    expect(JSON.parse(caughtUp.data)).toMatchObject({ sessionId: session.id, remaining: 7 });
    expect(caughtUp.id).toBe(String(await changeNumberOf(session.id)));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(reader.events.filter(availability)).toHaveLength(1);
  });

  it("catches up when the listener reconnects, ignores what it already sent, and hides draft events", async () => {
    let listener: RealtimeListener = () => {};
    let subscribed = 0;
    const subscribe = (added: RealtimeListener) => {
      listener = added;
      subscribed++;
      return () => void subscribed--;
    };
    const published = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const draft = await createTicketedEvent({ status: "draft", ticketTypes: [{ capacity: 10 }] });
    const { reader, abort } = open({ sessionIds: [published.session.id, draft.session.id] }, { subscribe, heartbeatMs: 30 });
    const [first] = await reader.waitFor(availability);
    expect(JSON.parse(first.data).sessionId).toBe(published.session.id);

    // Changes while "the connection was down": nothing arrives until the hub says resync.
    await prisma.ticketType.update({ where: { id: published.ticketTypes[0].id }, data: { sold: 6 } });
    await prisma.ticketType.update({ where: { id: draft.ticketTypes[0].id }, data: { sold: 6 } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reader.events.filter(availability)).toHaveLength(1);
    listener({ type: "resync" });
    const events = await reader.waitFor(availability, { count: 2 });
    expect(JSON.parse(events[1].data)).toMatchObject({ sessionId: published.session.id, remaining: 4 });

    // A late duplicate of an already-sent change is dropped.
    listener({ type: "availability", change: { ...JSON.parse(first.data), public: true } });
    await reader.waitFor((event) => event.event === "comment" && event.data === "heartbeat", { count: 2 });
    expect(reader.events.filter(availability)).toHaveLength(2);

    abort.abort();
    await waitUntil(() => reader.ended);
    expect(subscribed).toBe(0);
  });

  it("an unfiltered stream starts from now and sends every public change", async () => {
    const hub = newHub();
    await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const { reader } = open({}, { hub });
    await waitUntil(() => hub.stats().listening, 5_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(reader.events.filter(availability)).toEqual([]);
    const { session } = await createTicketedEvent({ ticketTypes: [{ capacity: 3 }] });
    await reader.waitFor((event) => availability(event) && JSON.parse(event.data).sessionId === session.id);
  });
});
