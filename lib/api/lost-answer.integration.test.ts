// An unknown outcome is resolved by the key (issue 34): the purchase commits, then the
// connection is lost before the answer is kept. The client's retry with the same
// Idempotency-Key gets the order the first attempt made, not a second order, and is not
// locked out of its own key.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { apiRequestKey } from "@/lib/checkout/request-key";
import { accountBuyer } from "@/lib/orders/buyer";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { buyForApi } from "./buy";
import { runIdempotently, type StoredAnswer } from "./idempotency";

const lostConnection = () => Object.assign(new Error("Connection terminated unexpectedly"), { code: undefined });

describe("a purchase whose answer was lost", () => {
  it("is answered on retry with the order it made, once", async () => {
    const user = await createTestUser();
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 1500 }] });
    const key = randomUUID();
    const purchase = () => buyForApi({ buyer: accountBuyer(user.id), eventId: event.id, request: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] }, baseUrl: "http://localhost", requestKey: apiRequestKey(key) });
    const run = (work: () => Promise<StoredAnswer>) => runIdempotently({ userId: user.id, key, requestHash: "same request", work });

    // The purchase commits; then the connection dies before the answer is kept.
    await expect(run(async () => { await purchase(); throw lostConnection(); })).rejects.toThrow(/Connection terminated/);
    const retry = await run(purchase);
    expect(retry.kind).toBe("answer");
    const body = (retry as { answer: StoredAnswer }).answer.body as { order: { id: string; status: string } };
    const orders = await prisma.order.findMany({ where: { userId: user.id } });
    expect(orders.map((order) => order.id)).toEqual([body.order.id]);
    expect(body.order.status).toBe("pending");
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).toMatchObject({ held: 2 });
  });

  it("a request key makes one order, also when the same request arrives twice at once", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const buy = (requestKey: string) => reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, requestKey });
    const first = await buy("form:a");
    const again = await buy("form:a");
    expect({ id: again.id, replayed: again.replayed }).toEqual({ id: first.id, replayed: true });
    const racing = await Promise.all(Array.from({ length: 5 }, () => buy("form:b")));
    expect(new Set(racing.map((order) => order.id)).size).toBe(1);
    expect(racing.filter((order) => !order.replayed)).toHaveLength(1);
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(2);
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).toMatchObject({ held: 2 });
  });
});
