import { describe, expect, it } from "vitest";
import { prisma, sql } from "@/lib/db";
import { drainJobs } from "@/lib/jobs/queue";
import { jobKey } from "@/lib/jobs/kinds";
import { accountBuyer, guestBuyer } from "@/lib/orders/buyer";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { sweepExpiredHolds } from "@/lib/orders/release-expired-holds";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { createTestUser, createTicketedEvent, expireHold } from "@/tests/fixtures";
import { joinWaitlist } from "./join-waitlist";
import { leaveWaitlist } from "./leave-waitlist";
import { sweepWaitlistOffers } from "./sweep-offers";

// The waiting list against the real database (issue 29.3): a place that comes back becomes an
// offer to the next in line in the same commit, is held for them only, and goes on down the
// line when it is used for fewer places, expires or is left. Refusals change nothing.

let guests = 0;
const guest = (name = "Wanda") => ({ email: `wait-${Date.now()}-${++guests}@example.test`, name });

/** A sold-out type: `capacity` places, all bought (paid) by one buyer, one ticket per place. */
async function soldOutType(capacity = 2, priceMinor = 1500) {
  const user = await createTestUser();
  const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity, priceMinor }] });
  const type = ticketTypes[0];
  const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: type.id, quantity: capacity }] } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "local_test" });
  const tickets = await prisma.ticket.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
  return { user, event, type, order, tickets };
}

async function join(eventId: string, ticketTypeId: string, quantity = 1, who = guest()) {
  return { ...(await joinWaitlist({ event: { id: eventId }, input: { ticketTypeId, quantity, ...who }, viewer: null, locale: "en" })), ...who };
}

const entry = (id: string) => prisma.waitlistEntry.findUniqueOrThrow({ where: { id } });
const available = async (typeId: string) => (await sql<{ n: number }>`SELECT ticket_type_available(${typeId}::uuid) AS n`)[0].n;
const codeOf = async (id: string) => (await prisma.voucher.findUniqueOrThrow({ where: { id: (await entry(id)).voucherId! } })).code;

/** held == held order lines + open offers, for this type. */
async function expectHeldAccountedFor(typeId: string) {
  const [row] = await sql<{ held: number; lines: number; offers: number }>`
    SELECT tt.held,
           (SELECT coalesce(sum(oi.quantity), 0)::int FROM order_items oi JOIN orders o ON o.id = oi.order_id
             WHERE oi.ticket_type_id = tt.id AND oi.status = 'held' AND o.status = 'pending') AS lines,
           (SELECT coalesce(sum(quantity), 0)::int FROM waitlist_entries WHERE ticket_type_id = tt.id AND status = 'offered') AS offers
      FROM ticket_types tt WHERE tt.id = ${typeId}::uuid`;
  expect(row.held).toBe(row.lines + row.offers);
}

describe("the waiting list", () => {
  it("refuses to join a type that has the places (has_places), and nothing changes", async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    await expect(join(event.id, ticketTypes[0].id, 2)).rejects.toMatchObject({ code: "has_places", extensions: { available: 5 } });
    expect(await prisma.waitlistEntry.count({ where: { ticketTypeId: ticketTypes[0].id } })).toBe(0);
    // More than is left: that many cannot be had, so joining is allowed.
    await expect(join(event.id, ticketTypes[0].id, 6)).resolves.toMatchObject({ position: 1 });
  });

  it("joins in order, refuses the same email twice, and a cancelled place becomes an offer to the first in line, not a sale", async () => {
    const { user, event, type, order, tickets } = await soldOutType(2);
    const first = await join(event.id, type.id, 1);
    const second = await join(event.id, type.id, 1);
    expect([first.position, second.position]).toEqual([1, 2]);
    await expect(join(event.id, type.id, 1, { email: first.email.toUpperCase(), name: "Again" })).rejects.toMatchObject({ code: "already_waiting" });
    expect(await prisma.job.findUnique({ where: { uniqueKey: jobKey("waitlist_joined", first.id) } })).toMatchObject({ status: "queued" });

    await cancelOrder({ orderId: order.id, ticketIds: [tickets[0].id], viewer: user });
    const offered = await entry(first.id);
    expect(offered).toMatchObject({ status: "offered" });
    expect(offered.offerExpiresAt!.getTime() - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    expect((await entry(second.id)).status).toBe("waiting");
    expect(await available(type.id)).toBe(0);
    // The session's stored remaining (the live stream's and the feeds' figure) shows it taken too.
    expect((await prisma.eventSession.findUniqueOrThrow({ where: { id: type.sessionId } })).remaining).toBe(0);
    await expectHeldAccountedFor(type.id);
    expect(await prisma.voucher.findUniqueOrThrow({ where: { id: offered.voucherId! } })).toMatchObject({ kind: "percent_off", value: 0, maxUses: 1, ticketTypeIds: [type.id], tag: "waitlist" });

    // Somebody else cannot buy it.
    const other = await createTestUser();
    await expect(reserveTickets({ buyer: accountBuyer(other.id), input: { items: [{ ticketTypeId: type.id, quantity: 1 }] } })).rejects.toMatchObject({ code: "sold_out" });

    // The offer email: the code, a link to the event with the code applied, the expiry.
    await prisma.$executeRaw`UPDATE jobs SET run_at = now() + interval '1 day' WHERE status = 'queued' AND unique_key NOT LIKE 'waitlist_%'`;
    await drainJobs({ handlers: jobHandlers });
    const code = await codeOf(first.id);
    const [mail] = await prisma.emailOutbox.findMany({ where: { idempotencyKey: jobKey("waitlist_offer", first.id) } });
    expect(mail.toAddress).toBe(first.email);
    expect(mail.text).toContain(code);
    expect(mail.text).toContain(`/events/${event.slug}?voucher=${code}#buy`);
    // The second's confirmation says where they stand; the first's was not sent (offered meanwhile).
    const [joined] = await prisma.emailOutbox.findMany({ where: { idempotencyKey: jobKey("waitlist_joined", second.id) } });
    expect(joined.text).toContain("number 1 in line");
    expect(joined.text).toContain(`/waitlist/${second.id}?token=${second.leaveToken}`);
  });

  it("an offer used with its code makes one order; a refused purchase with the code leaves the offer as it was", async () => {
    const { user, event, type, order, tickets } = await soldOutType(2);
    const first = await join(event.id, type.id, 1);
    await cancelOrder({ orderId: order.id, ticketIds: [tickets[0].id], viewer: user });
    const code = await codeOf(first.id);
    const buyer = guestBuyer({ email: first.email, name: first.name });

    const before = { entry: await entry(first.id), held: (await prisma.ticketType.findUniqueOrThrow({ where: { id: type.id } })).held };
    // More places than the offer's (the code's uses), and the offer's place with another sold-out
    // type (refused under the locks, order_ticket_refusal): refused, the offer untouched.
    await expect(reserveTickets({ buyer, voucher: code, input: { items: [{ ticketTypeId: type.id, quantity: 2 }] } })).rejects.toMatchObject({ code: "voucher_invalid" });
    const soldOut = await prisma.ticketType.create({ data: { sessionId: type.sessionId, name: "Gone", priceMinor: 900, capacity: 1, sold: 1 } });
    await expect(
      reserveTickets({ buyer, voucher: code, input: { items: [{ ticketTypeId: type.id, quantity: 1 }, { ticketTypeId: soldOut.id, quantity: 1 }] } }),
    ).rejects.toMatchObject({ code: "sold_out" });
    expect(await entry(first.id)).toEqual(before.entry);
    expect((await prisma.ticketType.findUniqueOrThrow({ where: { id: type.id } })).held).toBe(before.held);

    const bought = await reserveTickets({ buyer, voucher: code, input: { items: [{ ticketTypeId: type.id, quantity: 1 }] } });
    expect(bought).toMatchObject({ status: "pending", totalMinor: 1500 });
    expect((await entry(first.id)).status).toBe("used");
    await expectHeldAccountedFor(type.id);
    expect(await available(type.id)).toBe(0);
    await confirmOrderPayment({ orderId: bought.id, provider: "local", paymentRef: "local_test" });
    expect(await prisma.ticket.count({ where: { orderId: bought.id, status: "valid" } })).toBe(1);
    // The code is single-use.
    await expect(reserveTickets({ buyer, voucher: code, input: { items: [{ ticketTypeId: type.id, quantity: 1 }] } })).rejects.toMatchObject({ code: expect.stringMatching(/sold_out|voucher_invalid/) });
  });

  it("first fit: an entry wanting more than is free keeps its place and is passed over; places an offer does not buy go on down the line", async () => {
    const { user, event, type, order, tickets } = await soldOutType(4);
    const big = await join(event.id, type.id, 3);
    const pair = await join(event.id, type.id, 2);
    const single = await join(event.id, type.id, 1);
    await cancelOrder({ orderId: order.id, ticketIds: [tickets[0].id], viewer: user });
    expect((await entry(big.id)).status).toBe("waiting");
    expect((await entry(pair.id)).status).toBe("waiting");
    expect((await entry(single.id)).status).toBe("offered");
    await cancelOrder({ orderId: order.id, ticketIds: [tickets[1].id, tickets[2].id], viewer: user });
    expect((await entry(pair.id)).status).toBe("offered");
    expect((await entry(big.id)).status).toBe("waiting");
    await expectHeldAccountedFor(type.id);

    // The pair buys one place of its two: the other goes to the next that fits (nobody: big wants 3).
    const late = await join(event.id, type.id, 1);
    const bought = await reserveTickets({ buyer: guestBuyer({ email: pair.email, name: pair.name }), voucher: await codeOf(pair.id), input: { items: [{ ticketTypeId: type.id, quantity: 1 }] } });
    expect(bought.status).toBe("pending");
    expect((await entry(late.id)).status).toBe("offered");
    expect(await available(type.id)).toBe(0);
    await expectHeldAccountedFor(type.id);
  });

  it("an offer that runs out goes to the next in line; leaving with the private link does too", async () => {
    const { user, event, type, order, tickets } = await soldOutType(2);
    const first = await join(event.id, type.id, 1);
    const second = await join(event.id, type.id, 1);
    const third = await join(event.id, type.id, 1);
    await cancelOrder({ orderId: order.id, ticketIds: [tickets[0].id], viewer: user });
    expect((await entry(first.id)).status).toBe("offered");

    await prisma.$executeRaw`UPDATE waitlist_entries SET offer_expires_at = now() - interval '1 second' WHERE id = ${first.id}::uuid`;
    expect(await sweepWaitlistOffers()).toBeGreaterThanOrEqual(1);
    expect((await entry(first.id)).status).toBe("expired");
    expect((await entry(second.id)).status).toBe("offered");
    await expectHeldAccountedFor(type.id);

    await expect(leaveWaitlist({ entryId: second.id, token: first.leaveToken, viewer: null })).rejects.toMatchObject({ code: "not_found" });
    await expect(leaveWaitlist({ entryId: second.id, token: second.leaveToken, viewer: null })).resolves.toEqual({ from: "offered" });
    expect((await entry(second.id)).status).toBe("left");
    expect((await entry(third.id)).status).toBe("offered");
    await expectHeldAccountedFor(type.id);
    await expect(leaveWaitlist({ entryId: second.id, token: second.leaveToken, viewer: null })).rejects.toMatchObject({ code: "not_cancellable" });
  });

  it("an expired hold's places go to the waiting list, not to the next buyer", async () => {
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 1 }] });
    const type = ticketTypes[0];
    const holder = await createTestUser();
    const held = await reserveTickets({ buyer: accountBuyer(holder.id), input: { items: [{ ticketTypeId: type.id, quantity: 1 }] } });
    const waiting = await join(event.id, type.id, 1);
    await expireHold(held.id);
    // A buyer arriving first finds the place given back, but to the waiting list.
    const other = await createTestUser();
    await expect(reserveTickets({ buyer: accountBuyer(other.id), input: { items: [{ ticketTypeId: type.id, quantity: 1 }] } })).rejects.toMatchObject({ code: "sold_out" });
    expect((await entry(waiting.id)).status).toBe("offered");
    await sweepExpiredHolds();
    await expectHeldAccountedFor(type.id);
  });

  it("a signed-in buyer joins with their account and leaves without a link", async () => {
    const { event, type } = await soldOutType(1);
    const user = await createTestUser({ name: "Signed In" });
    const joined = await joinWaitlist({ event: { id: event.id }, input: { ticketTypeId: type.id, quantity: 1 }, viewer: user, locale: "de" });
    expect(await entry(joined.id)).toMatchObject({ email: user.email.toLowerCase(), userId: user.id, locale: "de" });
    await expect(leaveWaitlist({ entryId: joined.id, viewer: null })).rejects.toMatchObject({ code: "not_found" });
    await expect(leaveWaitlist({ entryId: joined.id, viewer: user })).resolves.toEqual({ from: "waiting" });
  });
});
