import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { resetPurchaseLineForTests } from "@/lib/orders/admission";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { POST as buy } from "@/app/api/events/[id]/buy/route";
import { apiRequest, readBody, routeParams, tokenFor } from "./testing";

vi.mock("@/lib/auth", () => ({ currentUser: async () => null }));

function setLine(settings: Record<string, string>) {
  Object.assign(process.env, settings);
  resetEnvCacheForTests();
  resetPurchaseLineForTests();
}

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
      buy(
        apiRequest(`/api/events/${event.id}/buy`, { token: buyer.token, body: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, headers: { "idempotency-key": buyer.key } }),
        routeParams({ id: event.id }),
      );
    const answers = await Promise.all(buyers.map(async (buyer) => ({ buyer, response: await send(buyer) })));

    const busy = answers.filter(({ response }) => response.status === 503);
    const created = answers.filter(({ response }) => response.status === 201);
    expect(busy.length).toBeGreaterThan(0);
    expect(created.length + busy.length).toBe(buyers.length);
    for (const { response } of busy) {
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const { body, contentType } = await readBody(response);
      expect(contentType).toContain("application/problem+json");
      expect(body).toMatchObject({ code: "busy", status: 503 });
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
