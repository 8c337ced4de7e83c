// Expired holds are released when they expire (not at the worker's next tick): the per-process
// timer of lib/orders/hold-expiry-timer.ts, without anyone calling the sweeper.
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createBookableEvent, createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { startHoldExpiryTimer, stopHoldExpiryTimer, sweepWhenHoldExpires } from "./hold-expiry-timer";
import { reserveBooking } from "./reserve-booking";
import { reserveTickets } from "./reserve-tickets";
import { accountBuyer } from "./buyer";

async function expireSoon(orderId: string, ms: number): Promise<Date> {
  const [{ at }] = await prisma.$queryRaw<{ at: Date }[]>`
    UPDATE orders SET hold_expires_at = now() + make_interval(secs => ${ms / 1000}::float8)
     WHERE id = ${orderId}::uuid RETURNING hold_expires_at AS at`;
  return at;
}

/** Polls (never longer than `deadlineMs`) until the order's holds are gone; answers when. */
async function heldUntil(orderId: string, deadlineMs = 10_000): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < deadlineMs) {
    const [{ held }] = await prisma.$queryRaw<{ held: number }[]>`
      SELECT (SELECT count(*) FROM bookings WHERE order_id = ${orderId}::uuid AND status = 'held')::int
           + (SELECT count(*) FROM order_items WHERE order_id = ${orderId}::uuid AND status = 'held')::int AS held`;
    if (held === 0) return Date.now();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

afterEach(() => stopHoldExpiryTimer());

describe("the hold expiry timer", () => {
  it("releases a booking hold when it expires, and the slot can be booked again", async () => {
    await startHoldExpiryTimer();
    const user = await createTestUser();
    const { resource } = await createBookableEvent();
    const start = new Date(Date.now() + 3 * 24 * 3600_000);
    start.setUTCHours(11, 0, 0, 0);
    const order = await reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId: resource.id, start, minutes: 60 } });
    const expiresAt = await expireSoon(order.id, 800);
    // The hold this process took armed the timer for HOLD_MINUTES; it was shortened behind
    // its back, so say so (as a hold taken with that expiry would).
    sweepWhenHoldExpires(expiresAt);

    const releasedAt = await heldUntil(order.id);
    expect(releasedAt, "the hold was not released by the timer").not.toBeNull();
    expect(releasedAt!).toBeGreaterThanOrEqual(expiresAt.getTime());
    const again = await reserveBooking({ buyer: accountBuyer((await createTestUser()).id), input: { resourceId: resource.id, start, minutes: 60 } });
    expect(again.status).toBe("pending");
  });

  it("after a restart, finds the earliest pending hold in the database and releases its tickets on time", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 2 }] });
    const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
    await expireSoon(order.id, 800);
    // Nothing armed in this process (the timer was off when the hold was taken).
    await startHoldExpiryTimer();

    expect(await heldUntil(order.id), "the hold was not released by the timer").not.toBeNull();
    const [type] = await prisma.$queryRaw<{ held: number }[]>`SELECT held FROM ticket_types WHERE id = ${ticketTypes[0].id}::uuid`;
    expect(type.held).toBe(0);
  });

  it("does nothing while stopped", async () => {
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 1 }] });
    const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    const expiresAt = await expireSoon(order.id, 200);
    sweepWhenHoldExpires(expiresAt);
    expect(await heldUntil(order.id, 1_500)).toBeNull();
  });
});
