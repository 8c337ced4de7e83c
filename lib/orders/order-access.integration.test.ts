// An order belongs to an email and opens with a private link (issue 27): the buyer's email and
// name are kept on the order; the link placed with it opens the order and its tickets without
// an account; another order's link, a revoked or a made-up one opens nothing.
import { describe, expect, it, vi } from "vitest";
import { GET as confirmation } from "@/app/api/orders/[id]/confirmation/route";
import { prisma } from "@/lib/db";
import { apiRequest, routeParams } from "@/tests/api-fixtures";
import { getTicketsPdfForViewer } from "@/lib/tickets/order-tickets-pdf";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { accountBuyer } from "./buyer";
import { getOrderForViewer } from "./get-order";
import { deliveryAccessToken, hashAccessToken } from "./order-access";
import { reserveTickets } from "./reserve-tickets";
import { confirmOrderPayment } from "./transitions";

// Auth.js cannot run outside Next: no session here.
vi.mock("@/lib/auth", () => ({ currentUser: async () => null }));

describe("the buyer and the private link of an order", () => {
  it("keeps the buyer's email and name on the order and on its tickets", async () => {
    const user = await createTestUser({ name: "Ana Lima" });
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { buyerEmail: true, buyerName: true } })).toEqual({ buyerEmail: user.email, buyerName: "Ana Lima" });
    expect((await prisma.ticket.findMany({ where: { orderId: order.id } })).map((ticket) => ticket.holderName)).toEqual(["Ana Lima", "Ana Lima"]);
  });

  it("opens the order and its PDF with its link, not with another order's, a revoked or a made-up one", async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5, priceMinor: 0 }] });
    const buy = (userId: string) => reserveTickets({ buyer: accountBuyer(userId), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    const [mine, theirs] = [await buy(user.id), await buy(other.id)];
    expect(mine.status).toBe("paid");
    // Stored as its hash only.
    expect(await prisma.orderAccessToken.count({ where: { tokenHash: mine.accessToken } })).toBe(0);
    expect(await prisma.orderAccessToken.count({ where: { tokenHash: hashAccessToken(mine.accessToken) } })).toBe(1);

    expect(await getOrderForViewer(mine.id, null, mine.accessToken)).toMatchObject({ id: mine.id });
    expect(await getTicketsPdfForViewer(mine.id, null, mine.accessToken)).not.toBeNull();
    expect(await getOrderForViewer(mine.id, null, theirs.accessToken)).toBeNull();
    expect(await getTicketsPdfForViewer(mine.id, null, theirs.accessToken)).toBeNull();
    expect(await getOrderForViewer(mine.id, null, "x".repeat(43))).toBeNull();
    expect(await getOrderForViewer(mine.id, null, null)).toBeNull();

    await prisma.orderAccessToken.updateMany({ where: { orderId: mine.id }, data: { revokedAt: new Date() } });
    expect(await getOrderForViewer(mine.id, null, mine.accessToken)).toBeNull();
    // The delivery email's link is a new one, the same on every attempt.
    const delivery = await deliveryAccessToken(mine.id);
    expect(await deliveryAccessToken(mine.id)).toBe(delivery);
    expect(await getOrderForViewer(mine.id, null, delivery)).toMatchObject({ id: mine.id });
  });

  it("holds the per-buyer limit by email: the same lock and the same count for one buyer", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 50 }] });
    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 3 }] } });
    const [{ held }] = await prisma.$queryRaw<{ held: number }[]>`SELECT buyer_held_places(${user.email.toLowerCase()}) AS held`;
    expect(held).toBe(3);
  });

  it("the JSON confirmation answers a private link's holder without credentials, and nobody else", async () => {
    const [user, other] = await Promise.all([createTestUser(), createTestUser()]);
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5, priceMinor: 0 }] });
    const buy = (userId: string) => reserveTickets({ buyer: accountBuyer(userId), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    const [mine, theirs] = [await buy(user.id), await buy(other.id)];
    const get = (query: string) => confirmation(apiRequest(`/api/orders/${mine.id}/confirmation${query}`, { method: "GET" }), routeParams({ id: mine.id }));
    expect((await get(`?access=${mine.accessToken}`)).status).toBe(200);
    expect((await get(`?access=${theirs.accessToken}`)).status).toBe(404);
    expect((await get("")).status).toBe(401);
    expect((await get("?access=not-a-token")).status).toBe(400);
  });
});
