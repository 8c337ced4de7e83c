// The hold expiry timer survives a database that is away: a failed sweep, or a start while
// the database cannot be reached, is tried again until the hold is released.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { routeDatabaseThroughProxy, type FaultProxy } from "@/tests/fault-proxy";
import { startHoldExpiryTimer, stopHoldExpiryTimer, sweepWhenHoldExpires } from "./hold-expiry-timer";
import { reserveTickets } from "./reserve-tickets";
import { accountBuyer } from "./buyer";

let proxy: FaultProxy;
beforeAll(async () => {
  proxy = await routeDatabaseThroughProxy({ DATABASE_CONNECT_TIMEOUT_MS: "1000" });
});
afterAll(async () => {
  await proxy.close();
});
afterEach(() => {
  stopHoldExpiryTimer();
  proxy.forward();
});

async function holdExpiringIn(ms: number): Promise<{ orderId: string; expiresAt: Date }> {
  const user = await createTestUser();
  const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 2 }] });
  const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
  const [{ at }] = await prisma.$queryRaw<{ at: Date }[]>`
    UPDATE orders SET hold_expires_at = now() + make_interval(secs => ${ms / 1000}::float8) WHERE id = ${order.id}::uuid RETURNING hold_expires_at AS at`;
  return { orderId: order.id, expiresAt: at };
}

async function released(orderId: string, deadlineMs = 15_000): Promise<boolean> {
  for (const until = Date.now() + deadlineMs; Date.now() < until; ) {
    const held = await prisma.orderItem.count({ where: { orderId, status: "held" } }).catch(() => null);
    if (held === 0) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe("the hold expiry timer when the database is away", () => {
  it("tries a failed sweep again and releases the hold once the database is back", async () => {
    await startHoldExpiryTimer();
    const { orderId, expiresAt } = await holdExpiringIn(300);
    sweepWhenHoldExpires(expiresAt);
    proxy.refuse();
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the sweep at expiry failed
    proxy.forward();
    expect(await released(orderId), "the hold was not released after the database came back").toBe(true);
  });

  it("started while the database cannot be reached, it looks again later and releases the hold", async () => {
    const { orderId } = await holdExpiringIn(300);
    proxy.refuse();
    // As lib/ops/start-server-process.ts calls it.
    await startHoldExpiryTimer().catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 500));
    proxy.forward();
    expect(await released(orderId), "the hold was not released after the database came back").toBe(true);
  });
});
