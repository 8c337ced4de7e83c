// A ticket handed on (issue 29.2): the new holder, once their account has verified the email it
// was given to, sees that ticket in My tickets and on its own page; nobody else does, and the
// old holder's code is gone.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { accountBuyer } from "@/lib/orders/buyer";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { changeTicketHolder } from "./change-holder";
import { getHeldTicket, listTicketsHeldBy } from "./held-tickets";
import { loadOrderTickets } from "./load-order-tickets";

describe("a ticket handed on", () => {
  it("is its new holder's to see once their email is verified; not the buyer's order, not anyone else's", async () => {
    const { ticketTypes, event } = await createTicketedEvent({ ticketTypes: [{ capacity: 10, name: "Standing" }] });
    const buyer = await createTestUser({ name: "Bo Buyer" });
    const friend = await createTestUser({ name: "Fay Friend" });
    const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
    const [first] = (await loadOrderTickets(order.id))!.pdf.tickets;
    const given = await changeTicketHolder({ orderId: order.id, ticketId: first.id, change: { name: "Fay Friend", email: friend.email.toUpperCase() }, viewer: buyer });

    const held = await listTicketsHeldBy(friend.email);
    expect(held).toEqual([expect.objectContaining({ id: given.ticketId, eventTitle: event.title, holderName: "Fay Friend" })]);
    // The buyer's own email has none "given to" it: their tickets are in their orders.
    expect(await listTicketsHeldBy(buyer.email)).toEqual([]);

    const asFriend = { ...friend, emailVerified: true };
    const page = await getHeldTicket(given.ticketId, asFriend);
    expect(page).toMatchObject({ holderName: "Fay Friend", buyerName: "Bo Buyer" });
    expect(page!.qrSvg).toContain("<svg");
    // Not before the email is verified, not for a stranger, not the old (void) ticket.
    expect(await getHeldTicket(given.ticketId, { ...friend, emailVerified: false })).toBeNull();
    expect(await getHeldTicket(given.ticketId, { ...(await createTestUser()), emailVerified: true })).toBeNull();
    expect(await getHeldTicket(first.id, asFriend)).toBeNull();
    expect(await prisma.ticket.count({ where: { orderId: order.id, status: "valid" } })).toBe(2);
  });
});
