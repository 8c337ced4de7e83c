// Slow clients must not starve the purchase line (issue 26, item 1): a request takes a place
// only once its body is complete and its caller is known. Against a real HTTP server with the
// gate installed, as in production.
import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { resetEnvCacheForTests } from "@/lib/env";
import { resetPurchaseLineForTests } from "@/lib/ops/admission-line";
import { installPurchaseGate } from "@/lib/ops/purchase-gate";
import { tokenFor } from "@/tests/api-fixtures";
import { startBuyServer } from "@/tests/buy-route-server";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";

vi.mock("@/lib/auth", () => ({ currentUser: async () => null }));

const SETTINGS = ["PURCHASE_CONCURRENCY", "PURCHASE_QUEUE_WAIT_MS", "PURCHASE_QUEUE_LENGTH", "PURCHASE_BODY_TIMEOUT_MS"];

function setLine(settings: Record<string, string>) {
  Object.assign(process.env, settings);
  resetEnvCacheForTests();
  resetPurchaseLineForTests();
}

let server: Awaited<ReturnType<typeof startBuyServer>>;
beforeAll(async () => {
  installPurchaseGate();
  server = await startBuyServer();
});
afterAll(() => server.close());
afterEach(() => {
  for (const name of SETTINGS) delete process.env[name];
  resetEnvCacheForTests();
  resetPurchaseLineForTests();
});

/** A socket that sends the headers of a buy and one byte of a 1000-byte body, then nothing. */
function slowBuy(eventId: string, headers: Record<string, string>) {
  const socket = net.connect(server.port, "127.0.0.1");
  const lines = Object.entries({ host: "127.0.0.1", "content-type": "application/json", "content-length": "1000", ...headers }).map(([name, value]) => `${name}: ${value}`);
  socket.write(`POST /api/events/${eventId}/buy HTTP/1.1\r\n${lines.join("\r\n")}\r\n\r\n{`);
  const started = Date.now();
  const answer = new Promise<{ status: number; text: string; afterMs: number }>((resolve) => {
    let text = "";
    let settled = false;
    const done = () => {
      if (settled) return;
      settled = true;
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text, afterMs: Date.now() - started });
    };
    socket.on("data", (chunk) => {
      text += chunk.toString();
      if (text.includes("\r\n\r\n") && /\}\s*$/.test(text)) done();
    });
    socket.on("close", done);
    socket.on("error", done);
  });
  return { socket, answer };
}

describe("the purchase gate", () => {
  it("holds no place for a body still arriving: a real buyer buys past 24 slow sockets, which get 408 after the body deadline", async () => {
    setLine({ PURCHASE_CONCURRENCY: "2", PURCHASE_QUEUE_WAIT_MS: "200", PURCHASE_QUEUE_LENGTH: "4", PURCHASE_BODY_TIMEOUT_MS: "1500" });
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 50 }] });
    const [slowUser, buyer] = await Promise.all([createTestUser(), createTestUser()]);
    const [slowToken, buyerToken] = await Promise.all([tokenFor(slowUser), tokenFor(buyer)]);

    // Known callers who trickle their body: the costliest kind, since they pass the caller check.
    const slow = Array.from({ length: 24 }, () => slowBuy(event.id, { authorization: `Bearer ${slowToken}`, "idempotency-key": randomUUID() }));
    await new Promise((resolve) => setTimeout(resolve, 300));

    const response = await fetch(`${server.origin}/api/events/${event.id}/buy`, {
      method: "POST",
      headers: { authorization: `Bearer ${buyerToken}`, "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }),
    });
    expect(response.status).toBe(201);

    const answers = await Promise.all(slow.map(({ answer }) => answer));
    for (const answer of answers) {
      expect(answer.status).toBe(408);
      expect(answer.text).toContain("application/problem+json");
      expect(answer.text).toContain('"code":"request_timeout"');
      expect(answer.afterMs).toBeGreaterThanOrEqual(1400);
      expect(answer.afterMs).toBeLessThan(5000);
    }
    for (const { socket } of slow) socket.destroy();
  });

  it("answers a bad token 401 at once, and a stranger whose body names no guest buyer 401, never with a place in line", async () => {
    setLine({ PURCHASE_CONCURRENCY: "1", PURCHASE_QUEUE_WAIT_MS: "0", PURCHASE_QUEUE_LENGTH: "0", PURCHASE_BODY_TIMEOUT_MS: "1500" });
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 50 }] });
    const body = JSON.stringify({ items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] });
    const anonymous = await Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        fetch(`${server.origin}/api/events/${event.id}/buy`, {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": randomUUID(), ...(index % 2 ? { authorization: `Bearer lt_${"x".repeat(43)}` } : {}) },
          body,
        }),
      ),
    );
    for (const [index, response] of anonymous.entries()) {
      expect(response.status).toBe(401);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      if (index % 2) expect(response.headers.get("www-authenticate")).toContain("invalid_token");
    }

    // A bad token is refused without waiting for the body.
    const badToken = slowBuy(event.id, { "idempotency-key": randomUUID(), authorization: `Bearer lt_${"y".repeat(43)}` });
    const refused = await badToken.answer;
    expect(refused.status).toBe(401);
    expect(refused.afterMs).toBeLessThan(1000);
    badToken.socket.destroy();
    // Without credentials the body may name a guest (issue 27): a body that never comes is the
    // slow body's 408, still without a place in line.
    const slow = slowBuy(event.id, { "idempotency-key": randomUUID() });
    expect((await slow.answer).status).toBe(408);
    slow.socket.destroy();
  });

  it("lets a guest buyer through: the body names them, and the route buys for that email", async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 50, priceMinor: 0 }] });
    const response = await fetch(`${server.origin}/api/events/${event.id}/buy`, {
      method: "POST",
      headers: { "content-type": "application/json", "idempotency-key": randomUUID() },
      body: JSON.stringify({ buyer: { email: "gate-guest@example.test", name: "Gate Guest" }, items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { order: { status: string }; accessUrl: string };
    expect(created.order.status).toBe("paid");
    expect(created.accessUrl).toMatch(/\/orders\/[0-9a-f-]{36}\?access=[A-Za-z0-9_-]{43}$/);
  });
});
