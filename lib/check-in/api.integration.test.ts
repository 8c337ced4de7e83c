// The check-in API through its route handlers, with real tokens: who may call it, and what
// a check_in token may not do anywhere else.
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createApiToken } from "@/lib/auth/api-tokens";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { loadOrderTickets } from "@/lib/tickets/load-order-tickets";
import { apiRequest, readBody, routeParams, tokenFor } from "@/tests/api-fixtures";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { POST as checkIn } from "@/app/api/check-in/route";
import { GET as doorList } from "@/app/api/check-in/sessions/[id]/tickets/route";
import { POST as buy } from "@/app/api/events/[id]/buy/route";
import { accountBuyer } from "@/lib/orders/buyer";

// Auth.js needs a Next request; these calls carry a bearer token or nothing, so no session.
vi.mock("@/lib/auth", () => ({ currentUser: async () => null }));

async function checkInToken(userId: string) {
  const created = await createApiToken({ userId, input: { name: "scanner", scope: "check_in" } });
  if (!created.ok) throw new Error(created.message);
  return created.secret;
}

async function setup() {
  const { event, session, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
  const buyer = await createTestUser();
  const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
  const code = (await loadOrderTickets(order.id))!.pdf.tickets[0].signedCode;
  return { event, session, ticketTypeId: ticketTypes[0].id, code };
}

describe("POST /api/check-in", () => {
  it("admits with a check_in token of door staff: 200, then 409 with who and when; a tampered code is 422", async () => {
    const { event, session, code } = await setup();
    const staff = await createTestUser();
    await prisma.staffGrant.create({ data: { userId: staff.id, eventId: event.id, grantedBy: "test" } });
    const token = await checkInToken(staff.id);

    const first = await readBody(await checkIn(apiRequest("/api/check-in", { token, body: { sessionId: session.id, code, door: "Main" } })));
    expect(first).toMatchObject({ status: 200, body: { result: "admitted", checkIn: { by: staff.name, door: "Main" } } });
    const second = await readBody(await checkIn(apiRequest("/api/check-in", { token, body: { sessionId: session.id, code } })));
    expect(second).toMatchObject({ status: 409, contentType: "application/problem+json", body: { code: "already_checked_in", verdict: { result: "already_checked_in", checkIn: { door: "Main" } } } });
    const forged = `${code.slice(0, 5)}${code[5] === "A" ? "B" : "A"}${code.slice(6)}`;
    expect(await readBody(await checkIn(apiRequest("/api/check-in", { token, body: { sessionId: session.id, code: forged } })))).toMatchObject({
      status: 422,
      body: { code: "ticket_rejected", verdict: { result: "rejected", reason: "not_valid" } },
    });
  });

  it("is 404 for a session of another event, 403 for a write token, 401 without credentials", async () => {
    const { session, code } = await setup();
    const other = await setup();
    const staff = await createTestUser();
    await prisma.staffGrant.create({ data: { userId: staff.id, eventId: other.event.id, grantedBy: "test" } });
    const token = await checkInToken(staff.id);
    expect((await checkIn(apiRequest("/api/check-in", { token, body: { sessionId: session.id, code } }))).status).toBe(404);
    expect((await doorList(apiRequest(`/api/check-in/sessions/${session.id}/tickets`, { token }), routeParams({ id: session.id }))).status).toBe(404);
    expect((await doorList(apiRequest(`/api/check-in/sessions/${other.session.id}/tickets`, { token }), routeParams({ id: other.session.id }))).status).toBe(200);

    const admin = await createTestUser({ role: "admin" });
    const write = await tokenFor(admin);
    expect(await readBody(await checkIn(apiRequest("/api/check-in", { token: write, body: { sessionId: session.id, code } })))).toMatchObject({ status: 403, body: { code: "forbidden" } });
    expect((await checkIn(apiRequest("/api/check-in", { body: { sessionId: session.id, code } }))).status).toBe(401);
    expect(await prisma.checkIn.count({ where: { sessionId: session.id } })).toBe(0);
  });

  it("a check_in token cannot buy", async () => {
    const { event, ticketTypeId } = await setup();
    const token = await checkInToken((await createTestUser()).id);
    const response = await buy(apiRequest(`/api/events/${event.id}/buy`, { token, body: { items: [{ ticketTypeId, quantity: 1 }] } }), routeParams({ id: event.id }));
    expect(await readBody(response)).toMatchObject({ status: 403, body: { code: "forbidden" } });
  });
});
