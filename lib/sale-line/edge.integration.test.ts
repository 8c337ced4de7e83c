// The line at the buying API's edge (issue 28.4), through a real HTTP server with the purchase
// gate installed, as in production: 503 `in_line` with the place until the buyer's turn,
// then the purchase; once sold out, 409 at once, without writing to the database.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { resetPurchaseLineForTests } from "@/lib/ops/admission-line";
import { installPurchaseGate } from "@/lib/ops/purchase-gate";
import { availabilityHub } from "@/lib/realtime/listener";
import { ZLineProblem } from "./schemas";
import { resetSaleLinesForTests, saleLineOf } from "./schedule";
import { isSoldOut } from "./stock";
import { tokenFor } from "@/tests/api-fixtures";
import { startBuyServer } from "@/tests/buy-route-server";
import { createTestUser } from "@/tests/fixtures";
import { waitUntil } from "@/tests/realtime-fixtures";
import { placesOf, scheduledOnSale, setLineSettings, untilOpen } from "@/tests/sale-line-fixtures";

vi.mock("@/lib/auth", () => ({ currentUser: async () => null }));

let server: Awaited<ReturnType<typeof startBuyServer>>;
beforeAll(async () => {
  installPurchaseGate();
  server = await startBuyServer();
});
afterAll(() => server.close());
afterEach(() => {
  setLineSettings({});
  resetPurchaseLineForTests();
});

function buy(eventId: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.origin}/api/events/${eventId}/buy`, {
    method: "POST",
    headers: { "content-type": "application/json", "idempotency-key": randomUUID(), "x-forwarded-for": `198.18.9.${Math.floor(Math.random() * 250)}`, ...headers },
    body: JSON.stringify(body),
  });
}

/**
 * Runs `work` while another connection holds every table a buying request could read or write
 * before the purchase (tokens, users, rate limits, idempotency keys, the line's places and
 * orders) locked ACCESS EXCLUSIVE: a request that touched any of them would hang.
 */
async function withBuyingTablesLocked<T>(work: () => Promise<T>): Promise<T> {
  const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await locker.connect();
  try {
    await locker.query("BEGIN");
    await locker.query("LOCK TABLE api_tokens, users, rate_limit_hits, idempotency_keys, sale_line_places, sale_lines, orders IN ACCESS EXCLUSIVE MODE");
    return await work();
  } finally {
    await locker.query("ROLLBACK").catch(() => {});
    await locker.end();
  }
}

describe("the line at the buying API's edge", () => {
  it("answers 503 in_line with Retry-After and the place until the opening, then the buyer buys at their turn", async () => {
    setLineSettings({ SALE_LINE_ADMIT_PER_SECOND: "1000" });
    const { event, ticketTypes, line, opensAt } = await scheduledOnSale(2_000, { capacity: 20, priceMinor: 0 });
    const token = await tokenFor(await createTestUser());
    const basket = { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] };

    const waiting = await buy(event.id, basket, { authorization: `Bearer ${token}` });
    expect(waiting.status).toBe(503);
    expect(waiting.headers.get("content-type")).toContain("application/problem+json");
    expect(Number(waiting.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    const problem = ZLineProblem.parse(await waiting.json());
    expect(problem).toMatchObject({ status: 503, code: "in_line", line: { position: 1, ahead: 0, opensAt: opensAt.toISOString() } });
    expect(problem.retryAfterSeconds).toBe(Number(waiting.headers.get("retry-after")));
    expect(problem.line!.token).toMatch(/^1\.[A-Za-z0-9_-]{22}$/);
    expect(waiting.headers.get("line-token")).toBe(problem.line!.token);

    // A guest's first try takes a place and its token; without the token, that email's place is not theirs.
    const guest = { ...basket, buyer: { email: "edge.guest@example.test", name: "Edge Guest" } };
    const guestProblem = ZLineProblem.parse(await (await buy(event.id, guest)).json());
    expect(guestProblem.line).toMatchObject({ position: 2, ahead: 1 });
    const withoutToken = ZLineProblem.parse(await (await buy(event.id, guest)).json());
    expect(withoutToken.line).toMatchObject({ position: 2, token: null });
    expect(await prisma.order.count({ where: { items: { some: { ticketTypeId: ticketTypes[0].id } } } })).toBe(0);

    await untilOpen(opensAt);
    const bought = await buy(event.id, basket, { authorization: `Bearer ${token}`, "line-token": problem.line!.token! });
    expect(bought.status).toBe(201);
    const guestBought = await buy(event.id, guest, { "line-token": guestProblem.line!.token! });
    expect(guestBought.status).toBe(201);
    // A purchase ends the place.
    await waitUntil(async () => (await placesOf(line.lineId)).every((place) => place.state === "done"), 5_000);
  });

  it("once sold out, tells the crowd 409 sold_out at the edge from the live figures, writing nothing", async () => {
    const { event, ticketTypes, line } = await scheduledOnSale(-60_000, { capacity: 3, sold: 3 });
    // The figures are live once this process listens (the first read after it counts).
    await waitUntil(() => availabilityHub().stats().listening, 5_000);
    resetSaleLinesForTests();
    await saleLineOf(event.id);
    expect(isSoldOut(event.id)).toBe(true);
    const token = await tokenFor(await createTestUser());
    const basket = { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] };

    const started = Date.now();
    const answers = await withBuyingTablesLocked(() => Promise.all(
      Array.from({ length: 30 }, (_, index) =>
        index % 3 === 0
          ? buy(event.id, basket, { authorization: `Bearer ${token}` })
          : index % 3 === 1
            ? buy(event.id, { ...basket, buyer: { email: `crowd-${index}@example.test`, name: "Crowd" } })
            : // Not even a token lookup: a token nobody has is told the same.
              buy(event.id, basket, { authorization: `Bearer lt_${"z".repeat(43)}` }),
      ),
    ).then((responses) => Promise.all(responses.map(async (response) => ({ status: response.status, body: await response.json() })))));
    expect(Date.now() - started).toBeLessThan(2_000);
    for (const answer of answers) expect(answer).toMatchObject({ status: 409, body: { code: "sold_out", status: 409 } });
    expect(await placesOf(line.lineId)).toEqual([]);
    expect(await prisma.idempotencyKey.count({ where: { createdAt: { gte: new Date(started) } } })).toBe(0);

    // A place given back (a hold released) reaches the edge live: buyers are let in again.
    await prisma.ticketType.update({ where: { id: ticketTypes[0].id }, data: { sold: 2 } });
    await waitUntil(() => !isSoldOut(event.id), 2_000);
    const inLine = await buy(event.id, basket, { authorization: `Bearer ${token}` });
    expect([201, 503]).toContain(inLine.status);
  });
});
