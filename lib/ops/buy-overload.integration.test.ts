import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { installPurchaseGate } from "@/lib/ops/purchase-gate";
import { resetPurchaseLineForTests } from "@/lib/ops/admission-line";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { tokenFor } from "@/tests/api-fixtures";
import { startBuyServer } from "@/tests/buy-route-server";

vi.mock("@/lib/auth", () => ({ currentUser: async () => null }));

function setLine(settings: Record<string, string>) {
  Object.assign(process.env, settings);
  resetEnvCacheForTests();
  resetPurchaseLineForTests();
}

let origin: string;
let server: Awaited<ReturnType<typeof startBuyServer>>;
beforeAll(async () => {
  installPurchaseGate();
  server = await startBuyServer();
  origin = server.origin;
});
afterAll(() => server.close());

describe("a crowd larger than the admission line", () => {
  afterEach(() => {
    for (const name of ["PURCHASE_CONCURRENCY", "PURCHASE_QUEUE_WAIT_MS", "PURCHASE_QUEUE_LENGTH"]) delete process.env[name];
    resetEnvCacheForTests();
    resetPurchaseLineForTests();
  });

  it("answers 503 busy with Retry-After instead of waiting or failing, loses no order, and a retry with the same key buys", async () => {
    setLine({ PURCHASE_CONCURRENCY: "1", PURCHASE_QUEUE_WAIT_MS: "100", PURCHASE_QUEUE_LENGTH: "3" });
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 500 }] });
    const buyers = await Promise.all(
      Array.from({ length: 40 }, async () => {
        const user = await createTestUser();
        return { user, token: await tokenFor(user), key: randomUUID() };
      }),
    );
    const send = (buyer: (typeof buyers)[number]) =>
      fetch(`${origin}/api/events/${event.id}/buy`, {
        method: "POST",
        headers: { authorization: `Bearer ${buyer.token}`, "content-type": "application/json", "idempotency-key": buyer.key, "x-forwarded-for": "10.0.0.1" },
        body: JSON.stringify({ items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }),
      });
    const answers = await Promise.all(buyers.map(async (buyer) => ({ buyer, response: await send(buyer) })));

    const busy = answers.filter(({ response }) => response.status === 503);
    const created = answers.filter(({ response }) => response.status === 201);
    expect(busy.length).toBeGreaterThan(0);
    expect(created.length + busy.length).toBe(buyers.length);
    for (const { response } of busy) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect(await response.json()).toMatchObject({ code: "busy", status: 503 });
    }
    // Every 201 is an order, every 503 wrote nothing.
    expect(await prisma.order.count({ where: { eventId: event.id } })).toBe(created.length);
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).toMatchObject({ held: created.length });

    // The refused come back when told to: their key was given back, so the same request buys.
    setLine({ PURCHASE_CONCURRENCY: "8", PURCHASE_QUEUE_WAIT_MS: "5000", PURCHASE_QUEUE_LENGTH: "100" });
    const retried = await Promise.all(busy.map(({ buyer }) => send(buyer)));
    expect(retried.map((response) => response.status)).toEqual(busy.map(() => 201));
    expect(await prisma.order.count({ where: { eventId: event.id } })).toBe(buyers.length);
  });
});
