// A buyer who is just an email and a name (issue 27): the same quote and commit as an account,
// the order without a user, opened and paid with its private link, and the per-buyer hold
// limit counted by email whoever buys with it.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { payWithLocalProvider } from "@/lib/payments/local-payment";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { accountBuyer, guestBuyer, ZGuestBuyer } from "./buyer";
import { listTicketOrders } from "@/lib/tickets/list-ticket-orders";
import { getOrderForViewer } from "./get-order";
import { reserveTickets } from "./reserve-tickets";

afterEach(() => {
  process.env.MAX_HELD_PLACES_PER_USER = "1000";
  resetEnvCacheForTests();
});

describe("a guest buyer", () => {
  it("buys with an email and a name: an order without a user, opened and paid with its link only", async () => {
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5, priceMinor: 1500 }] });
    const guest = ZGuestBuyer.parse({ email: "  Rita.Guest@Example.TEST ", name: " Rita Guest " });
    const order = await reserveTickets({ buyer: guestBuyer(guest), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
    expect(await prisma.order.findUniqueOrThrow({ where: { id: order.id }, select: { userId: true, buyerEmail: true, buyerName: true } })).toEqual({
      userId: null,
      buyerEmail: "rita.guest@example.test",
      buyerName: "Rita Guest",
    });
    expect(await getOrderForViewer(order.id, null, order.accessToken)).toMatchObject({ id: order.id });
    expect(await getOrderForViewer(order.id, null, null)).toBeNull();

    await expect(payWithLocalProvider({ orderId: order.id, outcome: "succeed", caller: { userId: null, accessToken: null } })).rejects.toMatchObject({ code: "not_found" });
    const stranger = await createTestUser();
    await expect(payWithLocalProvider({ orderId: order.id, outcome: "succeed", caller: { userId: stranger.id, accessToken: null } })).rejects.toMatchObject({ code: "not_found" });
    expect(await payWithLocalProvider({ orderId: order.id, outcome: "succeed", caller: { userId: null, accessToken: order.accessToken } })).toMatchObject({ outcome: "paid" });
    expect((await prisma.ticket.findMany({ where: { orderId: order.id } })).map((ticket) => ticket.holderName)).toEqual(["Rita Guest", "Rita Guest"]);
  });

  it("refuses a guest without a valid email or a name, before anything is held", () => {
    expect(ZGuestBuyer.safeParse({ email: "not-an-email", name: "Rita" }).success).toBe(false);
    expect(ZGuestBuyer.safeParse({ email: "rita@example.test", name: "   " }).success).toBe(false);
  });

  it("counts the hold limit by email: a guest and the account with that email share it", async () => {
    process.env.MAX_HELD_PLACES_PER_USER = "5";
    resetEnvCacheForTests();
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 50 }] });
    const items = (quantity: number) => ({ items: [{ ticketTypeId: ticketTypes[0].id, quantity }] });
    await reserveTickets({ buyer: guestBuyer({ email: user.email, name: "Guest me" }), input: items(3) });
    await expect(reserveTickets({ buyer: accountBuyer(user.id), input: items(3) })).rejects.toMatchObject({ code: "hold_limit" });
    expect((await reserveTickets({ buyer: accountBuyer(user.id), input: items(2) })).status).toBe("pending");
  });

  it("appears in My tickets of the account with that email once the email is verified", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5, priceMinor: 0 }] });
    const order = await reserveTickets({ buyer: guestBuyer({ email: user.email, name: "Me, as a guest" }), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    const listed = async (verifiedEmail: string | null) => (await listTicketOrders({ userId: user.id, verifiedEmail })).upcoming.map((summary) => summary.id);
    expect(await listed(null)).not.toContain(order.id);
    expect(await listed(user.email)).toContain(order.id);
    const viewer = { id: user.id, email: user.email, name: user.name, role: "attendee" as const };
    expect(await getOrderForViewer(order.id, { ...viewer, emailVerified: false })).toBeNull();
    expect(await getOrderForViewer(order.id, { ...viewer, emailVerified: true })).toMatchObject({ id: order.id });
  });
});
