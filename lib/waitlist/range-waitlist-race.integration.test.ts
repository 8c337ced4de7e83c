import { describe, expect, it } from "vitest";
import { prisma, sql } from "@/lib/db";
import { accountBuyer, guestBuyer } from "@/lib/orders/buyer";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { reserveBooking } from "@/lib/orders/reserve-booking";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { waitlistOfferCode } from "@/lib/orders/waitlist-offer-code";
import { instantAt, localDateAndMinute } from "@/lib/time";
import { createBookableEvent, createTestUser } from "@/tests/fixtures";
import { joinWaitlist } from "./join-waitlist";

// Issue 29's measured case for bookable slots (docs/decisions/0021), against the real database
// under real concurrency: 200 bookers ask for taken ranges in waves while the bookings holding
// them are cancelled. Every range that comes free becomes an offer to the first in line for it;
// the bookers get none of them; each offer then makes exactly one booking.

const TZ = "Europe/Lisbon";
const HOURS = [9, 10, 11, 12, 13, 14, 15, 16, 17];
const BOOKERS = 200;
const WAVE = 50;

describe("taken ranges hammered while their bookings are cancelled", () => {
  it("gives the bookers 0 of the freed ranges and offers each to the first in line", { timeout: 180_000 }, async () => {
    const day = localDateAndMinute(new Date(Date.now() + 2 * 24 * 3600_000), TZ).date;
    const at = (hour: number) => instantAt(day, hour * 60, TZ);
    const { event, resource } = await createBookableEvent();
    const owner = await createTestUser();
    const orders: string[] = [];
    for (const hour of HOURS) {
      const order = await reserveBooking({ buyer: accountBuyer(owner.id), input: { resourceId: resource.id, start: at(hour), minutes: 60 } });
      await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: `local_${hour}` });
      orders.push(order.id);
    }
    const line = new Map<number, string[]>();
    for (const round of [0, 1]) {
      for (const hour of HOURS) {
        const joined = await joinWaitlist({
          event: { id: event.id },
          input: { resourceId: resource.id, startsAt: at(hour).toISOString(), endsAt: at(hour + 1).toISOString(), email: `line-${round}-${hour}-${resource.id}@example.test`, name: "In line" },
          viewer: null,
          locale: "en",
        });
        line.set(hour, [...(line.get(hour) ?? []), joined.id]);
      }
    }

    const cancellations = (async () => {
      for (let i = 0; i < orders.length; i += 3) {
        await Promise.all(orders.slice(i, i + 3).map((orderId) => cancelOrder({ orderId, ticketIds: null, viewer: owner })));
      }
    })();
    let booked = 0;
    const refusals = new Map<string, number>();
    for (let wave = 0; wave < BOOKERS / WAVE; wave++) {
      const results = await Promise.allSettled(
        Array.from({ length: WAVE }, (_, index) => {
          const hour = HOURS[(wave * WAVE + index) % HOURS.length];
          return reserveBooking({ buyer: guestBuyer({ email: `hammer-${wave}-${index}-${resource.id}@example.test`, name: "Hammer" }), input: { resourceId: resource.id, start: at(hour), minutes: 60 } });
        }),
      );
      for (const result of results) {
        if (result.status === "fulfilled") booked++;
        else {
          const code = String((result.reason as { code?: string }).code);
          refusals.set(code, (refusals.get(code) ?? 0) + 1);
        }
      }
    }
    await cancellations;

    expect(booked).toBe(0);
    expect([...refusals.keys()]).toEqual(["taken"]);
    const statusOf = new Map((await prisma.waitlistEntry.findMany({ where: { resourceId: resource.id } })).map((entry) => [entry.id, entry.status]));
    for (const hour of HOURS) expect(line.get(hour)!.map((id) => statusOf.get(id))).toEqual(["offered", "waiting"]);
    const [rows] = await sql<{ offers: number; sold: number }>`
      SELECT count(*) FILTER (WHERE status = 'held' AND order_id IS NULL)::int AS offers, count(*) FILTER (WHERE status IN ('sold'))::int AS sold
        FROM bookings WHERE resource_id = ${resource.id}::uuid`;
    expect(rows).toEqual({ offers: HOURS.length, sold: 0 });

    // Each offer, used with its code, makes exactly one booking; a second try finds it taken.
    for (const hour of HOURS) {
      const entryId = line.get(hour)![0];
      const buyer = guestBuyer({ email: `line-0-${hour}-${resource.id}@example.test`, name: "In line" });
      const input = { resourceId: resource.id, start: at(hour), minutes: 60, offerCode: waitlistOfferCode(entryId) };
      const [first, second] = await Promise.allSettled([reserveBooking({ buyer, input }), reserveBooking({ buyer, input })]);
      expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
    }
    expect(await prisma.waitlistEntry.count({ where: { resourceId: resource.id, status: "used" } })).toBe(HOURS.length);
    expect(await prisma.booking.count({ where: { resourceId: resource.id, status: "held", orderId: { not: null } } })).toBe(HOURS.length);
  });
});
