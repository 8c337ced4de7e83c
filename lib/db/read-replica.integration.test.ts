import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { resetEnvCacheForTests } from "@/lib/env";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { accountBuyer } from "@/lib/orders/buyer";
import { getOrderForViewer } from "@/lib/orders/get-order";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { getPublicVenue } from "@/lib/places/places";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { startStreamingReplica, type StreamingReplica } from "@/tests/streaming-replica";
import { checkReadReplica, checkReadReplicaAtStart, lagTolerantRead, ReplicaUnreachableError } from "./read-replica";

// A real streaming standby of the test database (tests/streaming-replica.ts): lag-tolerant
// reads go to it, a buyer's own order is read from the primary, a standby further behind
// than DATABASE_READ_MAX_LAG_SECONDS is skipped, and one that goes away is read around.

const MAX_LAG_SECONDS = 4;
let replica: StreamingReplica;
const saved = { DATABASE_READ_URL: process.env.DATABASE_READ_URL, DATABASE_READ_MAX_LAG_SECONDS: process.env.DATABASE_READ_MAX_LAG_SECONDS };

beforeAll(async () => {
  replica = await startStreamingReplica(process.env.DATABASE_URL!);
  process.env.DATABASE_READ_URL = replica.url;
  process.env.DATABASE_READ_MAX_LAG_SECONDS = String(MAX_LAG_SECONDS);
  resetEnvCacheForTests();
  await replica.catchUp();
}, 120_000);

afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCacheForTests();
  await replica?.dispose();
});

const servedByStandby = () => lagTolerantRead(async (db) => (await db.$queryRaw<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`)[0].standby);

async function buyPaid() {
  const user = await createTestUser({ name: "Lena Lag" });
  const { event, venue, ticketTypes } = await createTicketedEvent({ title: "Replica Night", ticketTypes: [{ capacity: 10 }] });
  const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
  expect(await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "local_test" })).toMatchObject({ outcome: "paid" });
  return { user, event, venue, order };
}

describe("reads on a streaming replica", () => {
  it("sends listing and page reads to the standby while it keeps up", async () => {
    expect(await checkReadReplicaAtStart()).toBeUndefined();
    expect(await checkReadReplica()).toMatchObject({ usable: true, lagSeconds: 0 });
    expect(await servedByStandby()).toBe(true);
    const { event, venue } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    await replica.catchUp();
    expect(await getPublicEventBySlug(event.slug, { lagTolerant: true })).toMatchObject({ id: event.id });
    expect(await getPublicVenue(venue.id)).toMatchObject({ id: venue.id });
  });

  it("shows a buyer their new order at once while the standby is behind, and skips a standby past the bound", async () => {
    await createTestUser();
    await replica.catchUp();
    await replica.pauseReplay();
    try {
      const { user, event, venue, order } = await buyPaid();

      // Within the bound: public reads still come from the standby, which has not seen the sale…
      expect(await checkReadReplica()).toMatchObject({ usable: true });
      expect(await getPublicEventBySlug(event.slug, { lagTolerant: true })).toBeNull();
      expect(await getPublicVenue(venue.id)).toBeNull();
      expect(await lagTolerantRead((db) => db.order.findUnique({ where: { id: order.id } }))).toBeNull();
      // …while the buyer's own order, and the purchase's reads, come from the primary.
      expect(await getOrderForViewer(order.id, { id: user.id, email: user.email, name: user.name, role: user.role, emailVerified: true })).toMatchObject({ id: order.id, status: "paid" });
      expect(await getPublicEventBySlug(event.slug)).toMatchObject({ id: event.id });

      // Further behind than the bound: skipped, public reads go to the primary.
      await new Promise((resolve) => setTimeout(resolve, (MAX_LAG_SECONDS + 0.5) * 1000));
      const health = await checkReadReplica();
      expect(health).toMatchObject({ usable: false, reason: `more than ${MAX_LAG_SECONDS} s behind` });
      expect(health!.lagSeconds).toBeGreaterThan(MAX_LAG_SECONDS);
      expect(await servedByStandby()).toBe(false);
      expect(await getPublicEventBySlug(event.slug, { lagTolerant: true })).toMatchObject({ id: event.id });
    } finally {
      await replica.resumeReplay();
    }
    await replica.catchUp();
    expect(await checkReadReplica()).toMatchObject({ usable: true, lagSeconds: 0 });
    expect(await servedByStandby()).toBe(true);
  });

  it("keeps serving from the primary when the standby goes away", async () => {
    const { event } = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    await replica.catchUp();
    expect(await checkReadReplica()).toMatchObject({ usable: true });
    await replica.stop();
    // Known usable a moment ago: the read fails there and is run on the primary, without an error.
    const started = Date.now();
    expect(await getPublicEventBySlug(event.slug, { lagTolerant: true })).toMatchObject({ id: event.id });
    expect(await servedByStandby()).toBe(false);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await checkReadReplica()).toMatchObject({ usable: false });
    expect(await prisma.event.count({ where: { id: event.id } })).toBe(1);
    // A process starting now would refuse, in one line naming the setting.
    const refused = await checkReadReplicaAtStart().catch((error: Error) => error);
    expect(refused).toBeInstanceOf(ReplicaUnreachableError);
    expect((refused as Error).message).toMatch(/^DATABASE_READ_URL: cannot connect to the read replica at 127\.0\.0\.1:\d+\/local_tickets_test \(.*\)\. Fix DATABASE_READ_URL, or unset it/);
    expect((refused as Error).message).not.toContain("\n");
  });
});
