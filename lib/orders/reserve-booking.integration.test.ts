import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { instantAt, localDateAndMinute } from "@/lib/time";
import { createBookableEvent, createTestUser, expireHold } from "@/tests/fixtures";
import { confirmOrderPayment } from "./transitions";
import { cancelOrder } from "./cancel-order";
import { isOrderError } from "./errors";
import { reserveBooking } from "./reserve-booking";
import { accountBuyer } from "./buyer";

const TZ = "Europe/Lisbon";
function dayAfterTomorrow(): string {
  return localDateAndMinute(new Date(Date.now() + 2 * 24 * 3600_000), TZ).date;
}
const at = (minute: number) => instantAt(dayAfterTomorrow(), minute, TZ);

describe("reserveBooking", () => {
  it("books a free range and refuses an overlapping one with a clean 'taken'", async () => {
    const [a, b] = [await createTestUser(), await createTestUser()];
    const { resource } = await createBookableEvent();
    const first = await reserveBooking({ buyer: accountBuyer(a.id), input: { resourceId: resource.id, start: at(10 * 60), minutes: 90 } });
    expect(first.totalMinor).toBe(3 * 2000);
    await expect(
      reserveBooking({ buyer: accountBuyer(b.id), input: { resourceId: resource.id, start: at(11 * 60), minutes: 60 } }),
    ).rejects.toMatchObject({ code: "taken", field: "start" });
    // Touching ranges do not overlap: [10:00, 11:30) and [11:30, 12:30).
    await expect(reserveBooking({ buyer: accountBuyer(b.id), input: { resourceId: resource.id, start: at(11 * 60 + 30), minutes: 60 } })).resolves.toBeTruthy();
  });

  it("enforces slot alignment, length limits, opening hours and the past", async () => {
    const user = await createTestUser();
    const { resource } = await createBookableEvent();
    const cases: [Date, number, string][] = [
      [at(10 * 60 + 15), 60, "misaligned"],
      [at(10 * 60), 30, "bad_length"],
      [at(10 * 60), 240, "bad_length"],
      [at(10 * 60), 75, "bad_length"],
      [at(8 * 60), 60, "outside_hours"],
      [at(17 * 60 + 30), 60, "outside_hours"],
      [new Date(Date.now() - 3600_000), 60, "in_past"],
    ];
    for (const [start, minutes, code] of cases) {
      const error = await reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId: resource.id, start, minutes } }).catch((e) => e);
      expect(isOrderError(error) && error.code, `${start.toISOString()} ${minutes}`).toBe(code);
    }
    expect(await prisma.booking.count({ where: { resourceId: resource.id } })).toBe(0);
    expect(await prisma.order.count({ where: { userId: user.id } })).toBe(0);
  });

  it("200 concurrent attempts of overlapping ranges: the winners never overlap, every refusal is 'taken'", async () => {
    const { resource } = await createBookableEvent();
    const buyers = await Promise.all(Array.from({ length: 200 }, () => createTestUser()));
    const results = await Promise.allSettled(
      buyers.map((buyer, index) => {
        const startMinute = 9 * 60 + (index % 14) * 30; // 09:00 … 15:30
        const minutes = 60 + (index % 3) * 30; // 60, 90 or 120
        return reserveBooking({ buyer: accountBuyer(buyer.id), input: { resourceId: resource.id, start: at(startMinute), minutes } });
      }),
    );
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(refusals.every((r) => isOrderError(r.reason) && r.reason.code === "taken")).toBe(true);
    const live = await prisma.booking.findMany({ where: { resourceId: resource.id, status: { in: ["held", "sold"] } }, orderBy: { startsAt: "asc" } });
    expect(live.length).toBe(results.length - refusals.length);
    expect(live.length).toBeGreaterThan(1);
    for (let i = 1; i < live.length; i++) expect(live[i].startsAt.getTime()).toBeGreaterThanOrEqual(live[i - 1].endsAt.getTime());
  });

  it("an expired hold frees its range; a late payment on it then needs a refund", async () => {
    const [a, b] = [await createTestUser(), await createTestUser()];
    const { resource } = await createBookableEvent();
    const input = { resourceId: resource.id, start: at(14 * 60), minutes: 60 };
    const abandoned = await reserveBooking({ buyer: accountBuyer(a.id), input });
    await expireHold(abandoned.id);
    const second = await reserveBooking({ buyer: accountBuyer(b.id), input });
    expect(second.status).toBe("pending");
    expect(await confirmOrderPayment({ orderId: abandoned.id, provider: "local", paymentRef: null })).toMatchObject({ outcome: "refund_required" });
    expect(await confirmOrderPayment({ orderId: second.id, provider: "local", paymentRef: null })).toMatchObject({ outcome: "paid" });
  });

  it("a cancelled booking's range can be booked again", async () => {
    const [a, b] = [await createTestUser(), await createTestUser()];
    const { resource } = await createBookableEvent();
    const input = { resourceId: resource.id, start: at(9 * 60), minutes: 120 };
    const order = await reserveBooking({ buyer: accountBuyer(a.id), input });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: null });
    await expect(cancelOrder({ viewer: b, orderId: order.id, ticketIds: null })).rejects.toMatchObject({ code: "not_found" });
    expect(await cancelOrder({ viewer: a, orderId: order.id, ticketIds: null })).toMatchObject({ status: "refund_required", cancelled: 1 });
    expect(await prisma.ticket.count({ where: { orderId: order.id, status: "valid" } })).toBe(0);
    await expect(reserveBooking({ buyer: accountBuyer(b.id), input })).resolves.toMatchObject({ status: "pending" });
  });
});

describe("the database guards bookings on its own", () => {
  it("rejects an overlapping live booking written around the app", async () => {
    const user = await createTestUser();
    const { resource } = await createBookableEvent();
    const order = await reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId: resource.id, start: at(10 * 60), minutes: 60 } });
    await expect(prisma.$executeRaw`
      INSERT INTO bookings (resource_id, order_id, starts_at, ends_at, status)
      VALUES (${resource.id}::uuid, ${order.id}::uuid, ${at(10 * 60 + 30)}, ${at(11 * 60 + 30)}, 'sold')`).rejects.toThrow(/bookings_no_overlap/);
    // A cancelled booking does not count.
    await expect(prisma.$executeRaw`
      INSERT INTO bookings (resource_id, order_id, starts_at, ends_at, status)
      VALUES (${resource.id}::uuid, ${order.id}::uuid, ${at(10 * 60 + 30)}, ${at(11 * 60 + 30)}, 'cancelled')`).resolves.toBe(1);
  });

  it("rejects two overlapping sessions at one venue", async () => {
    const { session } = await (await import("@/tests/fixtures")).createTicketedEvent({ ticketTypes: [{ capacity: 1 }] });
    await expect(prisma.eventSession.create({
      data: { eventId: session.eventId, venueId: session.venueId, startsAt: new Date(session.startsAt.getTime() + 3600_000), endsAt: new Date(session.endsAt.getTime() + 3600_000) },
    })).rejects.toThrow(/event_sessions_no_venue_overlap|exclusion|conflict/i);
  });
});
