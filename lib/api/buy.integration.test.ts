// The buyer's API over its route handlers: real Requests with bearer tokens, the real
// database, the same purchase functions as the checkout forms.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createBookableEvent, createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { instantAt, localDateAndMinute } from "@/lib/time";
import { GET as buyOptions, POST as buy } from "@/app/api/events/[id]/buy/route";
import { GET as confirmation } from "@/app/api/orders/[id]/confirmation/route";
import { POST as payLocal } from "@/app/api/orders/[id]/pay/local/route";
import { ZProblem } from "@/lib/http/problem";
import { BUY_LIMITS } from "./rate-limits";
import { ZBuyOptions, ZBuyResponse, ZLocalPayResponse, ZOrderConfirmation } from "./schemas";
import { apiRequest, readBody, routeParams, tokenFor } from "@/tests/api-fixtures";
import { revokeApiToken } from "@/lib/auth/api-tokens";
import { jobKey } from "@/lib/jobs/kinds";

// Auth.js cannot run outside Next; these tests authenticate with bearer tokens only.
vi.mock("@/lib/auth", () => ({ currentUser: async () => null }));

async function postBuy(eventId: string, body: unknown, options: { token?: string; key?: string; ip?: string; headers?: Record<string, string> } = {}) {
  const headers = { ...options.headers, ...(options.key ? { "idempotency-key": options.key } : {}) };
  const response = await buy(apiRequest(`/api/events/${eventId}/buy`, { token: options.token, body, headers, ip: options.ip }), routeParams({ id: eventId }));
  return { response, ...(await readBody(response)) };
}

function expectProblem(result: { status: number; contentType: string; body: unknown }, status: number, code: string) {
  expect(result.contentType).toBe("application/problem+json");
  const problem = ZProblem.parse(result.body);
  expect({ status: result.status, code: problem.code, bodyStatus: problem.status }).toEqual({ status, code, bodyStatus: status });
  return problem;
}

describe("GET /api/events/:id/buy", () => {
  it("lists the sessions on sale with ticket types, prices, remaining places and the limits", async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5, priceMinor: 1200 }, { capacity: 3, sold: 3 }] });
    const response = await buyOptions(apiRequest(`/api/events/${event.id}/buy`), routeParams({ id: event.id }));
    expect(response.status).toBe(200);
    const options = ZBuyOptions.parse(await response.json());
    expect(options.bookable).toBeNull();
    expect(options.limits.maxTicketsPerOrder).toBe(10);
    expect(options.sessions).toHaveLength(1);
    expect(options.sessions[0].ticketTypes).toEqual([
      expect.objectContaining({ id: ticketTypes[0].id, priceMinor: 1200, currency: "EUR", remaining: 5 }),
      expect.objectContaining({ id: ticketTypes[1].id, remaining: 0 }),
    ]);
  });

  it("lists the free ranges of a bookable experience on a day, with the slot rules", async () => {
    const { event, resource } = await createBookableEvent({ timeZone: "Europe/Lisbon" });
    const date = localDateAndMinute(new Date(Date.now() + 3 * 24 * 3600_000), "Europe/Lisbon").date;
    const buyer = await createTestUser();
    const token = await tokenFor(buyer);
    const taken = await postBuy(event.id, { booking: { resourceId: resource.id, start: instantAt(date, 12 * 60, "Europe/Lisbon").toISOString(), minutes: 60 } }, { token });
    expect(taken.status).toBe(201);

    const response = await buyOptions(apiRequest(`/api/events/${event.id}/buy?date=${date}`), routeParams({ id: event.id }));
    const options = ZBuyOptions.parse(await response.json());
    expect(options.sessions).toEqual([]);
    const listed = options.bookable!.resources[0];
    expect(options.bookable!.date).toBe(date);
    expect(listed).toMatchObject({ id: resource.id, slotMinutes: 30, minMinutes: 60, maxMinutes: 180, opens: "09:00", closes: "18:00" });
    expect(listed.freeRanges).toEqual([
      { start: instantAt(date, 9 * 60, "Europe/Lisbon").toISOString(), end: instantAt(date, 12 * 60, "Europe/Lisbon").toISOString(), minutes: 180 },
      { start: instantAt(date, 13 * 60, "Europe/Lisbon").toISOString(), end: instantAt(date, 18 * 60, "Europe/Lisbon").toISOString(), minutes: 300 },
    ]);
  });

  it("answers 404 for an unknown or draft event and 400 for a bad or unknown query parameter", async () => {
    const draft = await createTicketedEvent({ status: "draft", ticketTypes: [{ capacity: 1 }] });
    for (const id of [randomUUID(), "not-a-uuid", draft.event.id]) {
      const response = await buyOptions(apiRequest(`/api/events/${id}/buy`), routeParams({ id }));
      expectProblem(await readBody(response), 404, "not_found");
    }
    const { event } = await createBookableEvent();
    for (const query of ["date=2026-02-30", "when=today"]) {
      const response = await buyOptions(apiRequest(`/api/events/${event.id}/buy?${query}`), routeParams({ id: event.id }));
      expectProblem(await readBody(response), 400, "invalid_query");
    }
  });
});

describe("POST /api/events/:id/buy", () => {
  it("a bearer token buys: 201 with the pending order, its hold and where to pay; then pays locally and reads the confirmation", async () => {
    const buyer = await createTestUser();
    const token = await tokenFor(buyer);
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 1500 }] });
    const bought = await postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] }, { token });
    expect(bought.status).toBe(201);
    const created = ZBuyResponse.parse(bought.body);
    expect(created.order).toMatchObject({ status: "pending", totalMinor: 3000, currency: "EUR" });
    expect(new Date(created.order.holdExpiresAt).getTime()).toBeGreaterThan(Date.now());
    expect(created.payment).toEqual({
      provider: "local",
      url: `http://localhost:3000/orders/${created.order.id}/pay`,
      api: `http://localhost:3000/api/orders/${created.order.id}/pay/local`,
    });
    expect(bought.response.headers.get("location")).toBe(created.links.confirmation);
    expect(await prisma.order.count({ where: { userId: buyer.id } })).toBe(1);

    const pending = await confirmation(apiRequest(`/api/orders/${created.order.id}/confirmation`, { token }), routeParams({ id: created.order.id }));
    const before = ZOrderConfirmation.parse(await pending.json());
    expect(before.order.status).toBe("pending");
    expect(before.links.payLocal).toBe(created.payment!.api);
    expect(before.tickets).toEqual([]);

    const paid = await payLocal(apiRequest(`/api/orders/${created.order.id}/pay/local`, { token, body: { outcome: "succeed" } }), routeParams({ id: created.order.id }));
    expect(paid.status).toBe(200);
    expect(ZLocalPayResponse.parse(await paid.json())).toMatchObject({ outcome: "paid", order: { status: "paid" } });

    const after = ZOrderConfirmation.parse(await (await confirmation(apiRequest(`/api/orders/${created.order.id}/confirmation`, { token }), routeParams({ id: created.order.id }))).json());
    expect(after.order.status).toBe("paid");
    expect(after.items).toEqual([expect.objectContaining({ ticketTypeId: ticketTypes[0].id, quantity: 2, status: "sold" })]);
    expect(after.tickets).toHaveLength(2);
    expect(after.delivery).toEqual({ status: "queued", ticketsPdfUrl: null });
    expect(after.links.payLocal).toBeUndefined();

    await prisma.job.update({ where: { uniqueKey: jobKey("deliver_order", created.order.id) }, data: { status: "succeeded" } });
    const delivered = ZOrderConfirmation.parse(await (await confirmation(apiRequest(`/api/orders/${created.order.id}/confirmation`, { token }), routeParams({ id: created.order.id }))).json());
    expect(delivered.delivery).toEqual({ status: "sent", ticketsPdfUrl: `http://localhost:3000/api/orders/${created.order.id}/tickets.pdf` });
  });

  it("the local provider over JSON: decline changes nothing, late pays after the hold ran out", async () => {
    const token = await tokenFor(await createTestUser());
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 4 }] });
    const created = ZBuyResponse.parse((await postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, { token })).body);
    const pay = async (outcome: string) =>
      ZLocalPayResponse.parse(await (await payLocal(apiRequest(`/api/orders/${created.order.id}/pay/local`, { token, body: { outcome } }), routeParams({ id: created.order.id }))).json());
    expect(await pay("decline")).toMatchObject({ outcome: "declined", order: { status: "pending" } });
    expect(await pay("late")).toMatchObject({ outcome: "paid", order: { status: "paid" } });
    expect(await pay("succeed")).toMatchObject({ outcome: "unchanged", order: { status: "paid" } });
  });

  it("a revoked token gets 401 and buys nothing; no token at all gets 401 with WWW-Authenticate", async () => {
    const buyer = await createTestUser();
    const token = await tokenFor(buyer);
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const body = { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] };
    expect((await postBuy(event.id, body, { token })).status).toBe(201);
    const [row] = await prisma.apiToken.findMany({ where: { userId: buyer.id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(await revokeApiToken({ userId: buyer.id, tokenId: row.id })).toBe(true);

    const refused = await postBuy(event.id, body, { token });
    expectProblem(refused, 401, "unauthenticated");
    expect(refused.response.headers.get("www-authenticate")).toContain('error="invalid_token"');
    const anonymous = await postBuy(event.id, body);
    expectProblem(anonymous, 401, "unauthenticated");
    expect(anonymous.response.headers.get("www-authenticate")).toBe('Bearer realm="api"');
    expectProblem(await postBuy(event.id, body, { token: "lt_" + "x".repeat(43) }), 401, "unauthenticated");
    expect(await prisma.order.count({ where: { userId: buyer.id } })).toBe(1);
  });

  it("a free order is confirmed at once: status paid, no payment step, tickets issued", async () => {
    const buyer = await createTestUser();
    const token = await tokenFor(buyer);
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 0 }] });
    const bought = await postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 3 }] }, { token });
    const created = ZBuyResponse.parse(bought.body);
    expect(created.order.status).toBe("paid");
    expect(created.payment).toBeNull();
    // Queued as due now: its commit wakes the drainers (NOTIFY jobs_due, lib/jobs/wake.ts).
    expect(await prisma.job.count({ where: { uniqueKey: jobKey("deliver_order", created.order.id), status: "queued" } })).toBe(1);
    expect(await prisma.ticket.count({ where: { orderId: created.order.id } })).toBe(3);
  });

  it("books a time range; the same range for someone else is 409 taken", async () => {
    const { event, resource } = await createBookableEvent();
    const start = instantAt(localDateAndMinute(new Date(Date.now() + 2 * 24 * 3600_000), "Europe/Lisbon").date, 10 * 60, "Europe/Lisbon").toISOString();
    const body = { booking: { resourceId: resource.id, start, minutes: 90 } };
    const first = await postBuy(event.id, body, { token: await tokenFor(await createTestUser()) });
    expect(ZBuyResponse.parse(first.body).order).toMatchObject({ status: "pending", totalMinor: 3 * 2000 });
    const second = await postBuy(event.id, body, { token: await tokenFor(await createTestUser()) });
    const problem = expectProblem(second, 409, "taken");
    expect(problem.errors).toEqual([{ pointer: "/booking/start", detail: problem.detail }]);
    const misaligned = await postBuy(event.id, { booking: { ...body.booking, start: start.replace(":00:00.000Z", ":10:00.000Z") } }, { token: await tokenFor(await createTestUser()) });
    expectProblem(misaligned, 422, "misaligned");
  });

  it("refuses bad input: not JSON (415), broken JSON (400), unknown fields and wrong types (422), foreign ticket types (422)", async () => {
    const token = await tokenFor(await createTestUser());
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const other = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const item = { ticketTypeId: ticketTypes[0].id, quantity: 1 };

    const asForm = await buy(
      apiRequest(`/api/events/${event.id}/buy`, { token, rawBody: "items=1", headers: { "content-type": "application/x-www-form-urlencoded" } }),
      routeParams({ id: event.id }),
    );
    expectProblem(await readBody(asForm), 415, "unsupported_media_type");
    const broken = await buy(apiRequest(`/api/events/${event.id}/buy`, { token, rawBody: "{items:", headers: { "content-type": "application/json" } }), routeParams({ id: event.id }));
    expectProblem(await readBody(broken), 400, "malformed_request");

    const unknownTop = expectProblem(await postBuy(event.id, { items: [item], coupon: "FREE" }, { token }), 422, "validation_failed");
    expect(unknownTop.errors).toEqual([{ pointer: "/coupon", detail: "Unknown field: coupon" }]);
    const unknownNested = expectProblem(await postBuy(event.id, { items: [{ ...item, seat: "A1" }] }, { token }), 422, "validation_failed");
    expect(unknownNested.errors).toEqual([{ pointer: "/items/0/seat", detail: "Unknown field: seat" }]);
    const wrongType = expectProblem(await postBuy(event.id, { items: [{ ...item, quantity: "2" }] }, { token }), 422, "validation_failed");
    expect(wrongType.errors?.[0].pointer).toBe("/items/0/quantity");
    const nothing = expectProblem(await postBuy(event.id, {}, { token }), 422, "validation_failed");
    expect(nothing.errors).toEqual([{ pointer: "/items", detail: "Send items (tickets) or booking (a time range)" }]);

    const foreign = expectProblem(await postBuy(event.id, { items: [item, { ticketTypeId: other.ticketTypes[0].id, quantity: 1 }] }, { token }), 422, "not_in_event");
    expect(foreign.errors).toEqual([{ pointer: "/items/1/ticketTypeId", detail: expect.any(String) }]);
    expectProblem(await postBuy(randomUUID(), { items: [item] }, { token }), 404, "not_found");
    const tooMany = expectProblem(await postBuy(event.id, { items: [{ ...item, quantity: 11 }] }, { token }), 422, "too_many");
    expect(tooMany.detail).toBe("You can buy at most 10 tickets in one order");
    expect(await prisma.order.count({ where: { eventId: event.id } })).toBe(0);
  });

  it("300 concurrent buyers over HTTP for 50 places: exactly 50 sold, the others get 409 sold_out problems", async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 50 }] });
    const buyers = await Promise.all(Array.from({ length: 300 }, () => createTestUser()));
    const tokens = await Promise.all(buyers.map((buyer) => tokenFor(buyer)));
    const results = await Promise.all(tokens.map((token) => postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, { token })));
    const won = results.filter((result) => result.status === 201);
    const lost = results.filter((result) => result.status !== 201);
    expect(won).toHaveLength(50);
    expect(lost).toHaveLength(250);
    for (const result of lost) expectProblem(result, 409, "sold_out");
    expect(await prisma.order.count({ where: { eventId: event.id } })).toBe(50);
    expect(await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).toMatchObject({ held: 50, remaining: 0 });
  });
});

describe("Idempotency-Key", () => {
  it("200 requests repeating 20 keys create exactly 20 orders; every answer for a key names the same order", async () => {
    const buyer = await createTestUser();
    const token = await tokenFor(buyer);
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 100 }] });
    const body = { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] };
    const keys = Array.from({ length: 20 }, () => randomUUID());
    const requests = keys.flatMap((key) => Array.from({ length: 10 }, () => ({ key })));
    const results = await Promise.all(requests.map(({ key }) => postBuy(event.id, body, { token, key }).then((result) => ({ key, ...result }))));

    expect(await prisma.order.count({ where: { userId: buyer.id } })).toBe(20);
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).held).toBe(40);
    const orderOfKey = new Map<string, string>();
    for (const result of results) {
      if (result.status === 409) {
        expectProblem(result, 409, "idempotency_in_flight");
        expect(result.response.headers.get("retry-after")).toBe("1");
        continue;
      }
      expect(result.status).toBe(201);
      const id = ZBuyResponse.parse(result.body).order.id;
      expect(orderOfKey.get(result.key) ?? id).toBe(id);
      orderOfKey.set(result.key, id);
    }
    // Once the first answers are stored, every repeat replays them.
    for (const key of keys) {
      const again = await postBuy(event.id, { items: [{ quantity: 2, ticketTypeId: ticketTypes[0].id }] }, { token, key });
      expect(again.status).toBe(201);
      expect(again.response.headers.get("idempotent-replayed")).toBe("true");
      const id = ZBuyResponse.parse(again.body).order.id;
      expect(orderOfKey.get(key) ?? id).toBe(id);
    }
    expect(await prisma.order.count({ where: { userId: buyer.id } })).toBe(20);
  });

  it("the same key with a different body is 422; the same key from another user is another request; a refusal is replayed too", async () => {
    const [alice, bob] = [await createTestUser(), await createTestUser()];
    const [aliceToken, bobToken] = [await tokenFor(alice), await tokenFor(bob)];
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 3 }] });
    const key = randomUUID();
    const first = await postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, { token: aliceToken, key });
    expect(first.status).toBe(201);
    const changed = await postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] }, { token: aliceToken, key });
    expectProblem(changed, 422, "idempotency_key_reused");
    const otherUser = await postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] }, { token: bobToken, key });
    expect(otherUser.status).toBe(201);
    // Sold out now; the refusal is the key's first answer and stays so.
    const refusalKey = randomUUID();
    expectProblem(await postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, { token: bobToken, key: refusalKey }), 409, "sold_out");
    const replayed = await postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, { token: bobToken, key: refusalKey });
    expectProblem(replayed, 409, "sold_out");
    expect(replayed.response.headers.get("idempotent-replayed")).toBe("true");
    expect(await prisma.order.count({ where: { eventId: event.id } })).toBe(2);
    expectProblem(await postBuy(event.id, { items: [] }, { token: bobToken, key: "has space" }), 400, "malformed_request");
  });

  it("a key is free again after 24 hours; a claim whose request died is taken over after 30 seconds, and gets the order it made", async () => {
    const buyer = await createTestUser();
    const token = await tokenFor(buyer);
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const one = { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] };
    const two = { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] };
    const key = randomUUID();
    const first = ZBuyResponse.parse((await postBuy(event.id, one, { token, key })).body);
    await prisma.$executeRaw`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE user_id = ${buyer.id}::uuid AND key = ${key}`;
    await prisma.$executeRaw`UPDATE orders SET created_at = now() - interval '25 hours' WHERE id = ${first.order.id}::uuid`;
    const later = await postBuy(event.id, two, { token, key });
    expect(later.status).toBe(201);
    expect(ZBuyResponse.parse(later.body).order.id).not.toBe(first.order.id);

    // A claim without an answer: 409 while young, taken over once it is clearly abandoned.
    const stuck = randomUUID();
    const made = ZBuyResponse.parse((await postBuy(event.id, one, { token, key: stuck })).body);
    await prisma.$executeRaw`UPDATE idempotency_keys SET response_status = NULL, response_body = NULL WHERE user_id = ${buyer.id}::uuid AND key = ${stuck}`;
    expectProblem(await postBuy(event.id, one, { token, key: stuck }), 409, "idempotency_in_flight");
    await prisma.$executeRaw`UPDATE idempotency_keys SET created_at = now() - interval '1 minute' WHERE user_id = ${buyer.id}::uuid AND key = ${stuck}`;
    expectProblem(await postBuy(event.id, two, { token, key: stuck }), 422, "idempotency_key_reused");
    // The purchase had been made: the takeover's retry gets that very order, marked replayed.
    const taken = await postBuy(event.id, one, { token, key: stuck });
    expect(taken.status).toBe(201);
    expect(taken.response.headers.get("idempotent-replayed")).toBe("true");
    expect(ZBuyResponse.parse(taken.body).order.id).toBe(made.order.id);
  });
});

describe("rate limits", () => {
  it(`allows ${BUY_LIMITS.perUser} purchase attempts a minute per user, then 429 with Retry-After; replays do not count`, async () => {
    const buyer = await createTestUser();
    const token = await tokenFor(buyer);
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 100, priceMinor: 500 }] });
    const body = { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] };
    // Start of a fresh window, so the count below is not split across two windows.
    const windowMs = BUY_LIMITS.windowSeconds * 1000;
    if (windowMs - (Date.now() % windowMs) < 10_000) await new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() % windowMs) + 50));
    const key = randomUUID();
    expect((await postBuy(event.id, body, { token, key })).status).toBe(201);
    for (let attempt = 1; attempt < BUY_LIMITS.perUser; attempt++) expect((await postBuy(event.id, body, { token })).status).toBe(201);
    expect((await postBuy(event.id, body, { token, key })).status).toBe(201);
    const limited = await postBuy(event.id, body, { token });
    const problem = expectProblem(limited, 429, "rate_limited");
    const retryAfter = Number(limited.response.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(BUY_LIMITS.windowSeconds);
    expect(problem.retryAfterSeconds).toBe(retryAfter);
    // A new key that was rate limited is given back: the same key later is a fresh attempt.
    const limitedKey = randomUUID();
    expectProblem(await postBuy(event.id, body, { token, key: limitedKey }), 429, "rate_limited");
    expect(await prisma.idempotencyKey.count({ where: { userId: buyer.id, key: limitedKey } })).toBe(0);
    expect(await prisma.order.count({ where: { userId: buyer.id } })).toBe(BUY_LIMITS.perUser);
  });

  it(`allows ${BUY_LIMITS.perAddress} purchase attempts a minute per address`, async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 1000, priceMinor: 500 }] });
    const ip = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
    const windowMs = BUY_LIMITS.windowSeconds * 1000;
    if (windowMs - (Date.now() % windowMs) < 15_000) await new Promise((resolve) => setTimeout(resolve, windowMs - (Date.now() % windowMs) + 50));
    const buyers = await Promise.all(Array.from({ length: BUY_LIMITS.perAddress / 10 + 1 }, () => createTestUser()));
    const tokens = await Promise.all(buyers.map((buyer) => tokenFor(buyer)));
    const statuses: number[] = [];
    for (let round = 0; round < 10; round++) {
      const results = await Promise.all(tokens.slice(0, -1).map((token) => postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, { token, ip })));
      statuses.push(...results.map((result) => result.status));
    }
    expect(statuses.filter((status) => status === 201)).toHaveLength(BUY_LIMITS.perAddress);
    const limited = await postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, { token: tokens.at(-1), ip });
    expectProblem(limited, 429, "rate_limited");
    expect(Number(limited.response.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("GET /api/orders/:id/confirmation", () => {
  it("is 404 for another user's order and for unknown ids; an admin may read it", async () => {
    const [owner, stranger, admin] = [await createTestUser(), await createTestUser(), await createTestUser({ role: "admin" })];
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const created = ZBuyResponse.parse((await postBuy(event.id, { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }, { token: await tokenFor(owner) })).body);
    const id = created.order.id;
    const read = async (token: string, orderId = id) => readBody(await confirmation(apiRequest(`/api/orders/${orderId}/confirmation`, { token }), routeParams({ id: orderId })));
    const strangerToken = await tokenFor(stranger);
    expectProblem(await read(strangerToken), 404, "not_found");
    expectProblem(await read(strangerToken, randomUUID()), 404, "not_found");
    expectProblem(await read(strangerToken, "nope"), 404, "not_found");
    const byAdmin = await read(await tokenFor(admin));
    expect(byAdmin.status).toBe(200);
    expect(ZOrderConfirmation.parse(byAdmin.body).order.id).toBe(id);
    // Paying someone else's order is 404 as well.
    const pay = await payLocal(apiRequest(`/api/orders/${id}/pay/local`, { token: strangerToken, body: { outcome: "succeed" } }), routeParams({ id }));
    expectProblem(await readBody(pay), 404, "not_found");
    const unknownOutcome = await payLocal(apiRequest(`/api/orders/${id}/pay/local`, { token: strangerToken, body: { outcome: "win" } }), routeParams({ id }));
    expectProblem(await readBody(unknownOutcome), 422, "validation_failed");
  });
});

describe("POST /api/events/:id/buy as a guest, with holders and answers (issue 27)", () => {
  async function eventAsking() {
    const made = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 2000, name: "Adult" }] });
    const diet = await prisma.eventQuestion.create({ data: { eventId: made.event.id, kind: "short_text", label: "Diet", required: true, perTicket: true } });
    const consent = await prisma.eventQuestion.create({ data: { eventId: made.event.id, kind: "yes_no", label: "I agree to the house rules", required: true } });
    return { ...made, diet, consent };
  }

  it("lists the questions, buys without a token for the buyer's email, and opens the order with its private link only", async () => {
    const { event, ticketTypes, diet, consent } = await eventAsking();
    const options = ZBuyOptions.parse(await (await buyOptions(apiRequest(`/api/events/${event.id}/buy`), routeParams({ id: event.id }))).json());
    expect(options.questions.map((question) => [question.id, question.kind, question.perTicket])).toEqual([[diet.id, "short_text", true], [consent.id, "yes_no", false]]);

    const body = {
      buyer: { email: "Guest.Api@Example.test", name: "Gia Guest" },
      items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }],
      holders: [{ name: "Gia Guest", answers: { [diet.id]: "none" } }, { name: "Ola Friend", email: "ola@example.test", answers: { [diet.id]: "vegan" } }],
      answers: { [consent.id]: true },
    };
    const key = randomUUID();
    const created = await postBuy(event.id, body, { key });
    expect(created.status).toBe(201);
    const answer = ZBuyResponse.parse(created.body);
    const order = await prisma.order.findUniqueOrThrow({ where: { id: answer.order.id } });
    expect({ userId: order.userId, email: order.buyerEmail }).toEqual({ userId: null, email: "guest.api@example.test" });
    const access = new URL(answer.accessUrl).searchParams.get("access")!;

    // The private link opens the confirmation; no link, or another order's, is 401/404.
    const open = await confirmation(apiRequest(`/api/orders/${order.id}/confirmation?access=${access}`), routeParams({ id: order.id }));
    expect(open.status).toBe(200);
    expect((await confirmation(apiRequest(`/api/orders/${order.id}/confirmation`), routeParams({ id: order.id }))).status).toBe(401);
    const other = ZBuyResponse.parse((await postBuy(event.id, { ...body, buyer: { email: "other@example.test", name: "Other" } })).body);
    const otherAccess = new URL(other.accessUrl).searchParams.get("access")!;
    expect((await confirmation(apiRequest(`/api/orders/${order.id}/confirmation?access=${otherAccess}`), routeParams({ id: order.id }))).status).toBe(404);

    // A retry with the same key gets the same order, with a new link (the kept answer has none).
    const again = await postBuy(event.id, body, { key });
    expect(again.response.headers.get("idempotent-replayed")).toBe("true");
    const replayed = ZBuyResponse.parse(again.body);
    expect(replayed.order.id).toBe(order.id);
    expect(replayed.accessUrl).not.toBe(answer.accessUrl);
    const stored = await prisma.idempotencyKey.findMany({ where: { key } });
    expect(JSON.stringify(stored)).not.toContain(access);
    expect((await confirmation(apiRequest(`/api/orders/${order.id}/confirmation?access=${new URL(replayed.accessUrl).searchParams.get("access")}`), routeParams({ id: order.id }))).status).toBe(200);
  });

  it("answers 422 naming each holder or answer at fault by JSON Pointer, and holds nothing", async () => {
    const { event, ticketTypes, diet, consent } = await eventAsking();
    const result = await postBuy(event.id, {
      buyer: { email: "wrong@example.test", name: "Will Wrong" },
      items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }],
      holders: [{ email: "nope", answers: { [diet.id]: "x" } }],
    });
    const problem = expectProblem(result, 422, "invalid");
    expect(problem.errors?.map((error) => error.pointer).sort()).toEqual([`/answers/${consent.id}`, "/holders/0/email", "/holders/1"].sort());
    expect(await prisma.order.count({ where: { buyerEmail: "wrong@example.test" } })).toBe(0);
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: ticketTypes[0].id } })).held).toBe(0);
  });

  it("refuses a guest without a valid email, and a token together with a buyer", async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const items = [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }];
    const bad = expectProblem(await postBuy(event.id, { buyer: { email: "not-an-email", name: "X" }, items }), 422, "validation_failed");
    expect(bad.errors?.[0]?.pointer).toBe("/buyer/email");
    const token = await tokenFor(await createTestUser());
    const both = expectProblem(await postBuy(event.id, { buyer: { email: "a@example.test", name: "A" }, items }, { token }), 422, "validation_failed");
    expect(both.errors?.[0]?.pointer).toBe("/buyer");
    expectProblem(await postBuy(event.id, { items }), 401, "unauthenticated");
  });
});

describe("PUT /api/orders/:id/tickets/:ticketId/holder", () => {
  it("gives a ticket to someone else with the order's private link; after that the old ticket is replaced", async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 0 }] });
    const created = ZBuyResponse.parse((await postBuy(event.id, { buyer: { email: "giver@example.test", name: "Gil Giver" }, items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] })).body);
    const access = new URL(created.accessUrl).searchParams.get("access")!;
    const [ticket] = await prisma.ticket.findMany({ where: { orderId: created.order.id } });
    const { PUT: changeHolder } = await import("@/app/api/orders/[id]/tickets/[ticketId]/holder/route");
    const put = (ticketId: string, body: unknown, query = `?access=${access}`) =>
      changeHolder(apiRequest(`/api/orders/${created.order.id}/tickets/${ticketId}/holder${query}`, { method: "PUT", body }), routeParams({ id: created.order.id, ticketId }));
    const changed = await put(ticket.id, { name: "Rae Receiver", email: "rae@example.test" });
    expect(changed.status).toBe(200);
    const body = (await changed.json()) as { ticket: { id: string; holderName: string }; reissued: boolean };
    expect(body).toMatchObject({ ticket: { holderName: "Rae Receiver" }, reissued: true });
    expect(body.ticket.id).not.toBe(ticket.id);
    expect((await put(ticket.id, { name: "Again" })).status).toBe(409);
    expect((await put(body.ticket.id, { name: "" })).status).toBe(422);
    expect((await put(body.ticket.id, { name: "Sneaky" }, "")).status).toBe(401);
  });
});

describe("the buy API's box office (issue 28)", () => {
  it("prices a code's types and reveals its hidden ones on GET, buys with it, and names the field when a code cannot be used", async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10, priceMinor: 2000 }, { capacity: 10, priceMinor: 1500 }] });
    await prisma.ticketType.update({ where: { id: ticketTypes[1].id }, data: { hidden: true } });
    const code = `PRESALE${Date.now().toString(36).toUpperCase()}`;
    await prisma.voucher.create({ data: { code, kind: "percent_off", value: 50, maxUses: 3, revealsHidden: true } });
    const plain = ZBuyOptions.parse(await (await buyOptions(apiRequest(`/api/events/${event.id}/buy`), routeParams({ id: event.id }))).json());
    expect(plain.sessions[0].ticketTypes.map((type) => type.id)).toEqual([ticketTypes[0].id]);
    const withCode = ZBuyOptions.parse(await (await buyOptions(apiRequest(`/api/events/${event.id}/buy?voucher=${code.toLowerCase()}`), routeParams({ id: event.id }))).json());
    expect(withCode.voucher).toMatchObject({ code, kind: "percent_off", value: 50 });
    expect(withCode.sessions[0].ticketTypes.map((type) => [type.id, type.priceMinor, type.listPriceMinor])).toEqual([
      [ticketTypes[0].id, 1000, 2000],
      [ticketTypes[1].id, 750, 1500],
    ]);
    const unknown = await buyOptions(apiRequest(`/api/events/${event.id}/buy?voucher=NOPE-NOPE`), routeParams({ id: event.id }));
    expect(unknown.status).toBe(422);

    const guest = { email: `code-${Date.now()}@example.test`, name: "Cody" };
    const bought = await postBuy(event.id, { buyer: guest, voucher: code, items: [{ ticketTypeId: ticketTypes[1].id, quantity: 1 }] });
    expect(bought.status).toBe(201);
    expect(ZBuyResponse.parse(bought.body).order.totalMinor).toBe(750);
    const refused = expectProblem(await postBuy(event.id, { buyer: guest, voucher: "NOPE-NOPE", items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] }), 422, "voucher_invalid");
    expect(refused.errors).toEqual([{ pointer: "/voucher", detail: "There is no such code" }]);
  });

  it("answers 409 not_on_sale_yet with the opening instant before a type's sales open", async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 10 }] });
    const opensAt = new Date(Date.now() + 3600_000);
    await prisma.ticketType.update({ where: { id: ticketTypes[0].id }, data: { salesStart: opensAt } });
    const result = await postBuy(event.id, { buyer: { email: `early-${Date.now()}@example.test`, name: "Early" }, items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] });
    expectProblem(result, 409, "not_on_sale_yet");
    expect(result.body.opensAt).toBe(opensAt.toISOString());
  });
});
