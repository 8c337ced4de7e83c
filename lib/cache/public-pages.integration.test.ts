import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
// Next's own incremental cache, as a Next server process holds it on globalThis: what
// unstable_cache and revalidateTag use outside a render (the real part, not a stand-in).
import { IncrementalCache } from "next/dist/server/lib/incremental-cache";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import { prisma } from "@/lib/db";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { listPlaceEvents } from "@/lib/places/places";
import { accountBuyer } from "@/lib/orders/buyer";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { startPublicCacheListener } from "./public-cache-listener";
import { revalidatePublicPages } from "./public-pages";

// What a Next server process sets up before its modules load (next/dist/server/node-environment).
vi.hoisted(async () => {
  const { AsyncLocalStorage } = await import("node:async_hooks");
  (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage = AsyncLocalStorage;
});

const dir = mkdtempSync(path.join(tmpdir(), "next-cache-"));
let stopListener: () => Promise<void>;
const holder = globalThis as { __incrementalCache?: unknown };

beforeAll(() => {
  holder.__incrementalCache = new IncrementalCache({
    fs: nodeFs,
    dev: false,
    flushToDisk: false,
    minimalMode: false,
    serverDistDir: dir,
    requestHeaders: {},
    maxMemoryCacheSize: 16 * 1024 * 1024,
    previewProps: { previewModeId: "test", previewModeSigningKey: "test", previewModeEncryptionKey: "test" },
    prerenderManifest: { version: 4, routes: {}, dynamicRoutes: {}, notFoundRoutes: [], preview: { previewModeId: "test", previewModeSigningKey: "test", previewModeEncryptionKey: "test" } },
    fetchCacheKeyPrefix: "",
  } as unknown as ConstructorParameters<typeof IncrementalCache>[0]);
  stopListener = startPublicCacheListener();
});

afterAll(async () => {
  await stopListener();
  delete holder.__incrementalCache;
  rmSync(dir, { recursive: true, force: true });
});

async function eventually(check: () => Promise<boolean>, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("not within the time allowed");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("public pages from Next's cache", () => {
  it("keeps an event page's data (Dates intact) until an admin write revalidates it, in every process", async () => {
    const { event } = await createTicketedEvent({ title: "Cached Fado", ticketTypes: [{ capacity: 5 }] });
    const first = await getPublicEventBySlug(event.slug, { lagTolerant: true });
    expect(first).toMatchObject({ title: "Cached Fado" });
    expect(first!.sessions[0].startsAt).toBeInstanceOf(Date);

    // A write that does not revalidate is not seen: the page comes from the cache.
    await prisma.event.update({ where: { id: event.id }, data: { title: "Renamed Fado" } });
    expect(await getPublicEventBySlug(event.slug, { lagTolerant: true })).toMatchObject({ title: "Cached Fado" });
    // The primary's own reads (a purchase's quote) never come from the cache.
    expect(await getPublicEventBySlug(event.slug)).toMatchObject({ title: "Renamed Fado" });

    // revalidatePublicPages, as the admin's writes call it: outside a request here, so the
    // expiry arrives through PostgreSQL's NOTIFY, as it does in every other app process.
    await revalidatePublicPages({ slugs: [event.slug] });
    await eventually(async () => (await getPublicEventBySlug(event.slug, { lagTolerant: true }))?.title === "Renamed Fado");
  });

  it("expires lists and event pages when a sale sells a session out, not on every sale", async () => {
    const { event, venue, ticketTypes } = await createTicketedEvent({ title: "Last Seats", ticketTypes: [{ capacity: 2 }] });
    const user = await createTestUser();
    const placesOf = async () => (await listPlaceEvents({ venueId: venue.id })).items[0];
    const remainingOnPage = async () => (await getPublicEventBySlug(event.slug, { lagTolerant: true }))!.sessions[0].ticketTypes[0].remaining;
    expect(await remainingOnPage()).toBe(2);
    expect(await placesOf()).toMatchObject({ id: event.id, remaining: 2 });
    // A sale that leaves places keeps the cached page and lists (the stream shows live places)...
    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await remainingOnPage()).toBe(2);
    // ...and the sale that sells out expires it at once.
    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } });
    await eventually(async () => (await remainingOnPage()) === 0);
    expect(await placesOf()).toMatchObject({ id: event.id, remaining: 0 });
  });
});
