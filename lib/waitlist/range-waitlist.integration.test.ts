import { describe, expect, it } from "vitest";
import { prisma, sql } from "@/lib/db";
import { jobKey } from "@/lib/jobs/kinds";
import { drainJobs } from "@/lib/jobs/queue";
import { accountBuyer, guestBuyer } from "@/lib/orders/buyer";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { sweepExpiredHolds } from "@/lib/orders/release-expired-holds";
import { reserveBooking } from "@/lib/orders/reserve-booking";
import { forgetSaleRules } from "@/lib/orders/sale-rules";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { linkedRangeOffer, waitlistOfferCode } from "@/lib/orders/waitlist-offer-code";
import { instantAt, localDateAndMinute } from "@/lib/time";
import { jobHandlers } from "@/lib/worker/job-handlers";
import { createBookableEvent, createTestUser, expireHold } from "@/tests/fixtures";
import { joinWaitlist } from "./join-waitlist";
import { leaveWaitlist } from "./leave-waitlist";
import { sweepWaitlistOffers } from "./sweep-offers";

// The waiting list for a bookable time range (docs/decisions/0021) against the real database:
// when a booking stops holding its range, the range becomes, in the same commit, an offer to
// the first in line whose range is free: a held booking row without an order, taken over by
// that person's booking with the offer's code. Nobody else gets the range meanwhile.

const TZ = "Europe/Lisbon";
const day = () => localDateAndMinute(new Date(Date.now() + 2 * 24 * 3600_000), TZ).date;
const at = (hour: number) => instantAt(day(), hour * 60, TZ);
let guests = 0;
const guest = () => ({ email: `range-${Date.now()}-${++guests}@example.test`, name: `Waiting ${guests}` });

async function join(eventId: string, resourceId: string, from: number, to: number, who = guest()) {
  const joined = await joinWaitlist({ event: { id: eventId }, input: { resourceId, startsAt: at(from).toISOString(), endsAt: at(to).toISOString(), ...who }, viewer: null, locale: "en" });
  return { ...joined, ...who };
}

/** A paid booking of [from, to) on the venue's clock, the day after tomorrow. */
async function paidBooking(resourceId: string, from: number, to: number) {
  const user = await createTestUser();
  const order = await reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId, start: at(from), minutes: (to - from) * 60 } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: `local_${order.id}` });
  return { user, order };
}

const entry = (id: string) => prisma.waitlistEntry.findUniqueOrThrow({ where: { id } });
const book = (resourceId: string, from: number, to: number, offerCode?: string, who = guest()) =>
  reserveBooking({ buyer: guestBuyer(who), input: { resourceId, start: at(from), minutes: (to - from) * 60, offerCode } });

/** Every offered range entry has exactly one held row, and no held row without an order lacks an offered entry. */
async function expectOffersHeld(resourceId: string) {
  const broken = await sql<{ id: string }>`
    SELECT e.id FROM waitlist_entries e
     WHERE e.resource_id = ${resourceId}::uuid AND e.status = 'offered'
       AND (SELECT count(*) FROM bookings b WHERE b.waitlist_entry_id = e.id AND b.status = 'held' AND b.starts_at = e.starts_at AND b.ends_at = e.ends_at) <> 1
    UNION ALL
    SELECT b.id FROM bookings b LEFT JOIN waitlist_entries e ON e.id = b.waitlist_entry_id
     WHERE b.resource_id = ${resourceId}::uuid AND b.order_id IS NULL AND b.status = 'held' AND e.status IS DISTINCT FROM 'offered'`;
  expect(broken).toEqual([]);
}

describe("the waiting list for a time range", () => {
  it("refuses to join a free range (has_places) or one the rules do not offer, and nothing changes", async () => {
    const { event, resource } = await createBookableEvent();
    await expect(join(event.id, resource.id, 10, 12)).rejects.toMatchObject({ code: "has_places" });
    await expect(joinWaitlist({ event: { id: event.id }, input: { resourceId: resource.id, startsAt: at(10.25).toISOString(), endsAt: at(11.25).toISOString(), ...guest() }, viewer: null, locale: "en" }))
      .rejects.toMatchObject({ code: "invalid" });
    await expect(join(event.id, resource.id, 7, 9)).rejects.toMatchObject({ code: "invalid" });
    const other = await createBookableEvent();
    await expect(join(other.event.id, resource.id, 10, 12)).rejects.toMatchObject({ code: "not_found" });
    expect(await prisma.waitlistEntry.count({ where: { resourceId: resource.id } })).toBe(0);
  });

  it("a cancelled booking's range becomes an offer to the first in line, held without an order; the code books it, a refusal leaves it", async () => {
    const { event, resource } = await createBookableEvent();
    const { user, order } = await paidBooking(resource.id, 10, 12);
    const first = await join(event.id, resource.id, 10, 12);
    const second = await join(event.id, resource.id, 10, 12);
    expect([first.position, second.position]).toEqual([1, 2]);
    await expect(join(event.id, resource.id, 10, 12, { email: first.email.toUpperCase(), name: "Again" })).rejects.toMatchObject({ code: "already_waiting" });

    await cancelOrder({ orderId: order.id, ticketIds: null, viewer: user });
    const offered = await entry(first.id);
    expect(offered.status).toBe("offered");
    expect(offered.offerExpiresAt!.getTime() - Date.now()).toBeGreaterThan(11.9 * 3600_000);
    expect((await entry(second.id)).status).toBe("waiting");
    const [hold] = await prisma.booking.findMany({ where: { waitlistEntryId: first.id } });
    expect(hold).toMatchObject({ status: "held", orderId: null, startsAt: at(10), endsAt: at(12) });
    await expectOffersHeld(resource.id);
    // Live availability and the slot feed show it taken.
    expect(await sql`SELECT * FROM live_bookings(${resource.id}::uuid, ${at(10)}::timestamptz, ${at(12)}::timestamptz)`).toHaveLength(1);
    const [slot] = await sql<{ remaining: number }>`SELECT remaining FROM slot_feed_items WHERE resource_id = ${resource.id}::uuid AND starts_at = ${at(10)}::timestamptz`;
    expect(slot?.remaining).toBe(0);

    // Anyone else, a part of it, or the holder with a wrong code: taken, and the offer stays.
    await expect(book(resource.id, 10, 12)).rejects.toMatchObject({ code: "taken" });
    await expect(book(resource.id, 11, 12, waitlistOfferCode(first.id))).rejects.toMatchObject({ code: "taken" });
    await expect(book(resource.id, 10, 12, waitlistOfferCode(second.id), first)).rejects.toMatchObject({ code: "taken" });
    // The right code but a refusal of the commit (the price moved): the offer is as it was.
    await prisma.$executeRaw`UPDATE resources SET price_minor_per_slot = price_minor_per_slot + 1 WHERE id = ${resource.id}::uuid`;
    await expect(reserveBooking({ buyer: guestBuyer(first), input: { resourceId: resource.id, start: at(10), minutes: 120, offerCode: waitlistOfferCode(first.id) }, expectedTotalMinor: 8000 }))
      .rejects.toMatchObject({ code: "price_changed" });
    await prisma.$executeRaw`UPDATE resources SET price_minor_per_slot = price_minor_per_slot - 1 WHERE id = ${resource.id}::uuid`;
    forgetSaleRules(event.id);
    expect(await entry(first.id)).toEqual(offered);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: hold.id } })).toEqual(hold);

    const code = waitlistOfferCode(first.id).toLowerCase().replace("wait-", "wait- ");
    const booked = await book(resource.id, 10, 12, code, first);
    expect(booked).toMatchObject({ status: "pending", totalMinor: 4 * 2000 });
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: hold.id } })).toMatchObject({ orderId: booked.id, waitlistEntryId: null, status: "held" });
    expect((await entry(first.id)).status).toBe("used");
    await expectOffersHeld(resource.id);

    // That booking left unpaid: its range goes on down the line.
    await expireHold(booked.id);
    await sweepExpiredHolds();
    expect((await entry(second.id)).status).toBe("offered");
    await expectOffersHeld(resource.id);
  });

  it("the offer email links to the booking panel with the range and the code", async () => {
    const { event, resource } = await createBookableEvent();
    const { user, order } = await paidBooking(resource.id, 14, 15);
    const waiting = await join(event.id, resource.id, 14, 15);
    await cancelOrder({ orderId: order.id, ticketIds: null, viewer: user });
    await prisma.$executeRaw`UPDATE jobs SET run_at = now() + interval '1 day' WHERE status = 'queued' AND unique_key NOT LIKE 'waitlist_%'`;
    await drainJobs({ handlers: jobHandlers });
    const [mail] = await prisma.emailOutbox.findMany({ where: { idempotencyKey: jobKey("waitlist_offer", waiting.id) } });
    expect(mail.toAddress).toBe(waiting.email);
    const code = waitlistOfferCode(waiting.id);
    expect(mail.text).toContain(code);
    expect(mail.text).toContain(`/events/${event.slug}?date=${day()}&minutes=60&resource=${resource.id}&start=${encodeURIComponent(at(14).toISOString())}&offer=${code}#book`);
    expect(mail.text).toContain("Guide, ");
    // The link's panel holds the time for its reader only with the offer's own code, at its start.
    const start = at(14).toISOString();
    expect(await linkedRangeOffer({ resourceId: resource.id, startsAt: start, code: code.toLowerCase() })).toEqual({ code: code.toLowerCase(), startsAt: start });
    expect(await linkedRangeOffer({ resourceId: resource.id, startsAt: start, code: "WAIT-0000000000000000" })).toBeNull();
    expect(await linkedRangeOffer({ resourceId: resource.id, startsAt: at(15).toISOString(), code })).toBeNull();
    expect(await linkedRangeOffer({ resourceId: resource.id, startsAt: "not a date", code })).toBeNull();
    // Worded for a time, not for places.
    expect(mail.subject).toContain("The time you waited for");
    expect(mail.text).toContain("Book your time");
    expect(mail.text).not.toContain("places");
  });

  it("an offer that runs out goes to the next in line, and so does one left; a range that began expires its waiting entries", async () => {
    const { event, resource } = await createBookableEvent();
    const { user, order } = await paidBooking(resource.id, 10, 11);
    const [a, b, c] = [await join(event.id, resource.id, 10, 11), await join(event.id, resource.id, 10, 11), await join(event.id, resource.id, 10, 11)];
    await cancelOrder({ orderId: order.id, ticketIds: null, viewer: user });
    expect((await entry(a.id)).status).toBe("offered");

    await prisma.$executeRaw`UPDATE waitlist_entries SET offer_expires_at = now() - interval '1 second' WHERE id = ${a.id}::uuid`;
    expect(await sweepWaitlistOffers()).toBeGreaterThanOrEqual(1);
    expect((await entry(a.id)).status).toBe("expired");
    expect((await entry(b.id)).status).toBe("offered");
    await expectOffersHeld(resource.id);

    await expect(leaveWaitlist({ entryId: b.id, token: b.leaveToken, viewer: null })).resolves.toEqual({ from: "offered" });
    expect((await entry(c.id)).status).toBe("offered");
    await expectOffersHeld(resource.id);
    // The expired code books nothing.
    await expect(book(resource.id, 10, 11, waitlistOfferCode(a.id), a)).rejects.toMatchObject({ code: "taken" });

    // Someone waiting for a range that has begun can never get it: the sweep ends the entry.
    const later = await paidBooking(resource.id, 15, 16);
    const late = await join(event.id, resource.id, 15, 16);
    await prisma.$executeRaw`UPDATE waitlist_entries SET starts_at = now() - interval '1 hour', ends_at = now() WHERE id = ${late.id}::uuid`;
    await sweepWaitlistOffers();
    expect((await entry(late.id)).status).toBe("expired");
    expect(later.order.status).toBe("pending");
  });

  it("first fit over overlapping ranges: A waits for 10–12 and B for 11–13; a 10–13 booking cancelled gives A its range, B waits", async () => {
    const { event, resource } = await createBookableEvent();
    const { user, order } = await paidBooking(resource.id, 10, 13);
    const a = await join(event.id, resource.id, 10, 12);
    const b = await join(event.id, resource.id, 11, 13);
    const c = await join(event.id, resource.id, 12, 13);
    expect([a.position, b.position, c.position]).toEqual([1, 2, 2]);
    await cancelOrder({ orderId: order.id, ticketIds: null, viewer: user });
    expect((await entry(a.id)).status).toBe("offered");
    expect((await entry(b.id)).status).toBe("waiting");
    // C's range does not overlap A's offer: first fit gives it C.
    expect((await entry(c.id)).status).toBe("offered");
    await expectOffersHeld(resource.id);
    // A leaves: B's range still overlaps C's offer, so B waits on.
    await leaveWaitlist({ entryId: a.id, token: a.leaveToken, viewer: null });
    expect((await entry(b.id)).status).toBe("waiting");
    await leaveWaitlist({ entryId: c.id, token: c.leaveToken, viewer: null });
    expect((await entry(b.id)).status).toBe("offered");
    await expectOffersHeld(resource.id);
  });

  it("an expired hold's range goes to the waiting list, not to the next booker", async () => {
    const { event, resource } = await createBookableEvent();
    const holder = await createTestUser();
    const held = await reserveBooking({ buyer: accountBuyer(holder.id), input: { resourceId: resource.id, start: at(10), minutes: 60 } });
    const waiting = await join(event.id, resource.id, 10, 11);
    await expireHold(held.id);
    await expect(book(resource.id, 10, 11)).rejects.toMatchObject({ code: "taken" });
    expect((await entry(waiting.id)).status).toBe("offered");
    // A late payment for the released hold finds the range gone: the money goes back.
    expect(await confirmOrderPayment({ orderId: held.id, provider: "local", paymentRef: "late" })).toMatchObject({ outcome: "refund_required" });
    await expectOffersHeld(resource.id);
  });
});
