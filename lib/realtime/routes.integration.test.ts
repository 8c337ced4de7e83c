// The live routes are thin: these call their GET handlers with a Request, as Next does.
import { afterAll, describe, expect, it } from "vitest";
import { GET as availabilityGet } from "@/app/api/availability/route";
import { GET as streamGet } from "@/app/api/stream/route";
import { prisma } from "@/lib/db";
import { createTicketedEvent } from "@/tests/fixtures";
import { availabilityHub, LISTENER_APPLICATION_NAME } from "./listener";
import { SseReader, waitUntil } from "@/tests/realtime-fixtures";

const noContext = undefined as never;

afterAll(async () => {
  await availabilityHub().close();
});

describe("GET /api/stream", () => {
  it("answers an event stream that proxies leave alone, and ends when the client goes away", async () => {
    const { event, session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 8 }] });
    const abort = new AbortController();
    const request = new Request(`http://localhost/api/stream?event=${event.id}`, { signal: abort.signal });
    const response = await streamGet(request);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache, no-transform");
    expect(response.headers.get("x-accel-buffering")).toBe("no");

    const reader = new SseReader(response.body!);
    const [first] = await reader.waitFor((message) => message.event === "availability");
    expect(JSON.parse(first.data)).toMatchObject({ sessionId: session.id, remaining: 8 });
    await waitUntil(() => availabilityHub().stats().listening, 5_000);
    await prisma.ticketType.update({ where: { id: ticketTypes[0].id }, data: { sold: 3 } });
    const events = await reader.waitFor((message) => message.event === "availability", { count: 2, timeoutMs: 1_000 });
    expect(JSON.parse(events[1].data)).toMatchObject({ sessionId: session.id, remaining: 5 });

    expect(availabilityHub().stats().subscribers).toBe(1);
    abort.abort();
    await waitUntil(() => reader.ended);
    expect(availabilityHub().stats().subscribers).toBe(0);
  });

  it("after its LISTEN connection is killed, a stream gets what changed meanwhile and goes on live", async () => {
    const { session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 8 }] });
    const abort = new AbortController();
    const response = await streamGet(new Request(`http://localhost/api/stream?sessions=${session.id}`, { signal: abort.signal }));
    const reader = new SseReader(response.body!);
    const isAvailability = (message: { event?: string }) => message.event === "availability";
    await reader.waitFor(isAvailability);
    await waitUntil(() => availabilityHub().stats().listening, 5_000);
    const connections = availabilityHub().stats().connections;

    await prisma.$queryRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ${LISTENER_APPLICATION_NAME}`;
    // Changed while nobody may be listening: it arrives all the same, by the catch-up after reconnecting.
    await prisma.ticketType.update({ where: { id: ticketTypes[0].id }, data: { sold: 2 } });
    const caughtUp = await reader.waitFor(isAvailability, { count: 2, timeoutMs: 5_000 });
    expect(JSON.parse(caughtUp[1].data)).toMatchObject({ sessionId: session.id, remaining: 6 });
    await waitUntil(() => availabilityHub().stats().listening && availabilityHub().stats().connections === connections + 1, 5_000);

    await prisma.ticketType.update({ where: { id: ticketTypes[0].id }, data: { sold: 3 } });
    const live = await reader.waitFor(isAvailability, { count: 3, timeoutMs: 2_000 });
    expect(JSON.parse(live[2].data)).toMatchObject({ remaining: 5 });
    abort.abort();
    await reader.cancel();
  });

  it("resumes after the Last-Event-ID header", async () => {
    const { session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 8 }] });
    const [before] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT change_number AS n FROM session_feed_items WHERE session_id = ${session.id}::uuid`;
    await prisma.ticketType.update({ where: { id: ticketTypes[0].id }, data: { held: 2 } });
    const abort = new AbortController();
    const response = await streamGet(
      new Request(`http://localhost/api/stream?sessions=${session.id}`, { signal: abort.signal, headers: { "last-event-id": String(before.n) } }),
    );
    const reader = new SseReader(response.body!);
    const [caughtUp] = await reader.waitFor((message) => message.event === "availability");
    expect(JSON.parse(caughtUp.data)).toMatchObject({ remaining: 6 });
    expect(Number(caughtUp.id)).toBeGreaterThan(Number(before.n));
    abort.abort();
    await reader.cancel();
  });

  it("refuses malformed filters with 400", async () => {
    for (const query of ["event=nope", "sessions=1,2", `event=${crypto.randomUUID()}&sessions=${crypto.randomUUID()}`]) {
      const response = await streamGet(new Request(`http://localhost/api/stream?${query}`));
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ code: "invalid_query", errors: [{ pointer: expect.any(String), detail: expect.any(String) }] });
    }
  });
});

describe("GET /api/availability", () => {
  it("returns the current figures of the given sessions, never cached; drafts are left out", async () => {
    const a = await createTicketedEvent({ ticketTypes: [{ capacity: 8, sold: 2 }] });
    const draft = await createTicketedEvent({ status: "draft", ticketTypes: [{ capacity: 8 }] });
    const response = await availabilityGet(new Request(`http://localhost/api/availability?sessions=${a.session.id},${draft.session.id}`), noContext);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({
      sessions: [
        {
          sessionId: a.session.id,
          eventId: a.event.id,
          changeNumber: expect.any(Number),
          deleted: false,
          cancelled: false,
          remaining: 6,
          ticketTypes: [{ id: a.ticketTypes[0].id, remaining: 6 }],
        },
      ],
    });
    const missing = await availabilityGet(new Request("http://localhost/api/availability"), noContext);
    expect(missing.status).toBe(400);
  });
});
