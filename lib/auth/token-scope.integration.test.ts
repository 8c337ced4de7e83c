// API tokens expire and can be read-only (issue 16, item 9).
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/users";
import { prisma } from "@/lib/db";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth", () => ({ currentUser: async () => session.user }));

const { POST: createToken } = await import("@/app/api/account/tokens/route");
const { POST: payLocal } = await import("@/app/api/orders/[id]/pay/local/route");
const { POST: buy } = await import("@/app/api/events/[id]/buy/route");
const { authenticateApiRequest } = await import("./api-caller");
const { ZCreatedToken } = await import("@/lib/api/schemas");
const { apiRequest, readBody, routeParams, tokenFor } = await import("@/tests/api-fixtures");
const { createApiToken, DEFAULT_TOKEN_DAYS } = await import("./api-tokens");

const DAY = 24 * 3600 * 1000;

describe("API token expiry and scope", () => {
  it("gives a new token an expiry (90 days unless asked) and the write scope unless asked", async () => {
    const user = await createTestUser();
    session.user = { id: user.id, email: user.email, name: user.name, role: user.role };
    const cookie = { cookie: "authjs.session-token=stand-in" };
    const plain = ZCreatedToken.parse(await (await createToken(apiRequest("/api/account/tokens", { body: { name: "default" }, headers: cookie }), routeParams({}))).json());
    expect(plain.token.scope).toBe("write");
    expect(Math.abs(Date.parse(plain.token.expiresAt) - (Date.now() + DEFAULT_TOKEN_DAYS * DAY))).toBeLessThan(60_000);

    const reader = ZCreatedToken.parse(await (await createToken(apiRequest("/api/account/tokens", { body: { name: "dashboard", scope: "read", expiresInDays: 7 }, headers: cookie }), routeParams({}))).json());
    expect(reader.token.scope).toBe("read");
    expect(Math.abs(Date.parse(reader.token.expiresAt) - (Date.now() + 7 * DAY))).toBeLessThan(60_000);

    const tooLong = await createToken(apiRequest("/api/account/tokens", { body: { name: "forever", expiresInDays: 3650 }, headers: cookie }), routeParams({}));
    expect(tooLong.status).toBe(422);
  });

  it("refuses an expired token like a revoked one", async () => {
    const user = await createTestUser();
    const secret = await tokenFor(user);
    expect(await authenticateApiRequest(apiRequest("/api/anything", { token: secret }))).not.toBeNull();
    await prisma.apiToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await authenticateApiRequest(apiRequest("/api/anything", { token: secret }))).toBeNull();
  });

  it("a read-only token cannot pay (403); a write token gets past the scope check", async () => {
    const user = await createTestUser();
    const created = await createApiToken({ userId: user.id, input: { name: "read only", scope: "read" } });
    if (!created.ok) throw new Error(created.message);
    const orderId = randomUUID();
    const refused = await readBody(await payLocal(apiRequest(`/api/orders/${orderId}/pay/local`, { token: created.secret, body: { outcome: "succeed" } }), routeParams({ id: orderId })));
    expect(refused).toMatchObject({ status: 403, body: { code: "forbidden", detail: expect.stringContaining("read-only") } });

    const writer = await tokenFor(user, "writer");
    const unknown = await payLocal(apiRequest(`/api/orders/${orderId}/pay/local`, { token: writer, body: { outcome: "succeed" } }), routeParams({ id: orderId }));
    expect(unknown.status).toBe(404);
  });

  it("a read-only token cannot buy (403, nothing held), but can read what is on sale", async () => {
    const user = await createTestUser();
    const created = await createApiToken({ userId: user.id, input: { name: "read only", scope: "read" } });
    if (!created.ok) throw new Error(created.message);
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const path = `/api/events/${event.id}/buy`;
    const refused = await readBody(await buy(apiRequest(path, { token: created.secret, body: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } }), routeParams({ id: event.id })));
    expect(refused).toMatchObject({ status: 403, body: { code: "forbidden", detail: expect.stringContaining("read-only") } });
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0);
    expect(await authenticateApiRequest(apiRequest(path, { token: created.secret }))).toMatchObject({ via: "token", scope: "read" });
  });
});
