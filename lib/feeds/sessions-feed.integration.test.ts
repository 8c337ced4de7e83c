import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { readSessionsFeedPage, type FeedPage } from "./sessions-feed";
import type { FeedItem } from "./session-item";
import { accountBuyer } from "@/lib/orders/buyer";

const BASE = "http://feed.test";

async function page(afterChangeNumber?: number, limit?: number): Promise<FeedPage> {
  const query = new URLSearchParams();
  if (afterChangeNumber !== undefined) query.set("afterChangeNumber", String(afterChangeNumber));
  if (limit !== undefined) query.set("limit", String(limit));
  const search = query.size ? `?${query}` : "";
  return readSessionsFeedPage({ params: { afterChangeNumber, limit }, baseUrl: BASE, currentUrl: `/api/feeds/sessions${search}` });
}

function positionOf(next: string): number | undefined {
  const value = new URL(next).searchParams.get("afterChangeNumber");
  return value === null ? undefined : Number(value);
}

/** Follows `next` from a position to the last page, as a consumer does; returns every item seen and the final position. */
async function walk(from?: number, limit = 7): Promise<{ items: FeedItem[]; position: number | undefined; pages: number }> {
  const items: FeedItem[] = [];
  let position = from;
  for (let pages = 1; pages < 10_000; pages++) {
    const current = await page(position, limit);
    items.push(...current.items);
    const requested = `${BASE}/api/feeds/sessions${position === undefined ? "" : `?afterChangeNumber=${position}&limit=${limit}`}`;
    if (current.items.length === 0) {
      if (position !== undefined) expect(current.next).toBe(requested);
      return { items, position, pages };
    }
    expect(current.next).toBe(`${BASE}/api/feeds/sessions?afterChangeNumber=${current.items.at(-1)!.modified}&limit=${limit}`);
    position = positionOf(current.next);
  }
  throw new Error("the feed never ended");
}

async function endOfFeed(): Promise<number> {
  const [row] = await prisma.$queryRaw<{ last: bigint | null }[]>`SELECT max(change_number) AS last FROM session_feed_items`;
  return Number(row.last ?? 0);
}

const clients: pg.Client[] = [];
async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  clients.push(client);
  return client;
}
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end().catch(() => {})));
});

describe("the RPDE feed of sessions", () => {
  it("pages through every item exactly once, in change-number order, and ends on a page that points to itself", async () => {
    const created = await Promise.all(Array.from({ length: 12 }, () => createTicketedEvent({ ticketTypes: [{ capacity: 5 }] })));
    const { items, pages } = await walk(undefined, 7);
    expect(pages).toBeGreaterThan(2);
    const ids = items.map((item) => item.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { session } of created) expect(ids).toContain(session.id);
    const modified = items.map((item) => item.modified);
    expect(modified).toEqual([...modified].sort((a, b) => a - b));
    expect(modified.every((value) => Number.isSafeInteger(value))).toBe(true);

    // The first page has no parameters; an empty last page's next is its own URL.
    const first = await page();
    expect(first.items.length).toBeGreaterThan(0);
    const last = await page(await endOfFeed());
    expect(last).toEqual({ next: `${BASE}/api/feeds/sessions?afterChangeNumber=${await endOfFeed()}`, items: [], license: "https://creativecommons.org/licenses/by/4.0/" });
  });

  it("gives an updated session a new, larger position: it moves to the end and appears once", async () => {
    const user = await createTestUser();
    const { session, ticketTypes, event } = await createTicketedEvent({ title: "Moves to the end", ticketTypes: [{ capacity: 10 }] });
    const other = await createTicketedEvent({ ticketTypes: [{ capacity: 3 }] });
    const position = await endOfFeed();

    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 3 }] } });
    const { items } = await walk(position);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      state: "updated",
      kind: "ScheduledSession",
      id: session.id,
      data: {
        "@type": "ScheduledSession",
        identifier: session.id,
        remainingAttendeeCapacity: 7,
        maximumAttendeeCapacity: 10,
        // The event is the SessionSeries of /api/feeds/session-series, referenced by its @id.
        superEvent: `${BASE}/events/${event.slug}`,
        offers: [{ "@type": "Offer", identifier: ticketTypes[0].id, price: 15, priceCurrency: "EUR" }],
      },
    });
    const data = (items[0] as Extract<FeedItem, { state: "updated" }>).data;
    expect(data.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    // From the beginning, the session is listed once, after the untouched one.
    const all = (await walk(undefined, 50)).items.map((item) => item.id);
    expect(all.filter((id) => id === session.id)).toHaveLength(1);
    expect(all.indexOf(session.id)).toBeGreaterThan(all.indexOf(other.session.id));
  });

  it("republishes the sessions when their event, venue or offers change", async () => {
    const { session, event, venue, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 4 }] });
    let position: number | undefined = await endOfFeed();
    const changes: [string, () => Promise<unknown>, (data: Record<string, unknown>) => void][] = [
      ["event title", () => prisma.event.update({ where: { id: event.id }, data: { title: "Renamed" } }), (data) => expect(data).toMatchObject({ superEvent: `${BASE}/events/${event.slug}` })],
      ["venue name", () => prisma.venue.update({ where: { id: venue.id }, data: { name: "New hall" } }), (data) => expect(data).toMatchObject({ "@type": "ScheduledSession" })],
      ["price", () => prisma.ticketType.update({ where: { id: ticketTypes[0].id }, data: { priceMinor: 2500 } }), (data) => expect(data).toMatchObject({ offers: [{ price: 25 }] })],
      ["session cancelled", () => prisma.eventSession.update({ where: { id: session.id }, data: { cancelled: true } }), (data) => expect(data).toMatchObject({ eventStatus: "https://schema.org/EventCancelled" })],
    ];
    for (const [what, change, check] of changes) {
      await change();
      const { items, position: next } = await walk(position);
      expect(items.map((item) => item.id), what).toEqual([session.id]);
      expect(items[0].state, what).toBe("updated");
      check((items[0] as Extract<FeedItem, { state: "updated" }>).data);
      position = next;
    }
    // A change outside the feed's data (the event's updated_at) publishes nothing.
    await prisma.event.update({ where: { id: event.id }, data: { updatedAt: new Date() } });
    expect((await walk(position)).items).toEqual([]);
  });

  it("keeps a deleted session as a tombstone without data; unpublishing an event deletes its sessions from the feed", async () => {
    const { session, event } = await createTicketedEvent({ ticketTypes: [{ capacity: 4 }] });
    let position: number | undefined = await endOfFeed();
    await prisma.event.update({ where: { id: event.id }, data: { status: "draft" } });
    let { items, position: next } = await walk(position);
    expect(items).toEqual([{ state: "deleted", kind: "ScheduledSession", id: session.id, modified: expect.any(Number) }]);
    position = next;
    await prisma.event.update({ where: { id: event.id }, data: { status: "published" } });
    ({ items, position: next } = await walk(position));
    expect(items).toMatchObject([{ state: "updated", id: session.id }]);
    position = next;

    await prisma.event.delete({ where: { id: event.id } });
    ({ items } = await walk(position));
    expect(items).toEqual([{ state: "deleted", kind: "ScheduledSession", id: session.id, modified: expect.any(Number) }]);
    expect(items[0]).not.toHaveProperty("data");
    const tombstone = await prisma.sessionFeedItem.findUniqueOrThrow({ where: { sessionId: session.id } });
    expect(tombstone.deletedAt).toBeInstanceOf(Date);
    // Still there from the beginning of the feed, once.
    expect((await walk(undefined, 100)).items.filter((item) => item.id === session.id)).toHaveLength(1);
  });

  it("never lets a transaction that commits late appear behind a reader's position", async () => {
    const a = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const b = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const start = await endOfFeed();
    const slow = await connect();
    const fast = await connect();

    // The slow transaction changes session A first, but commits last.
    await slow.query("BEGIN");
    await slow.query("UPDATE ticket_types SET held = held + 1 WHERE id = $1", [a.ticketTypes[0].id]);
    await fast.query("BEGIN");
    await fast.query("UPDATE ticket_types SET held = held + 2 WHERE id = $1", [b.ticketTypes[0].id]);
    await fast.query("COMMIT");

    const first = await walk(start);
    expect(first.items.map((item) => item.id)).toEqual([b.session.id]);
    await slow.query("COMMIT");
    // Resuming from where the reader stopped still finds A: its number was drawn at commit.
    const second = await walk(first.position);
    expect(second.items).toMatchObject([{ id: a.session.id, data: { remainingAttendeeCapacity: 4 } }]);
  });

  it("serialises the drawing of numbers: a commit waits while an earlier drawer has not committed", async () => {
    const a = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const b = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    const start = await endOfFeed();
    const first = await connect();
    const second = await connect();

    await first.query("BEGIN");
    await first.query("UPDATE ticket_types SET held = held + 1 WHERE id = $1", [a.ticketTypes[0].id]);
    // Fire the deferred publishing now: `first` holds the feed lock and a number, uncommitted.
    await first.query("SET CONSTRAINTS ALL IMMEDIATE");
    await second.query("BEGIN");
    await second.query("UPDATE ticket_types SET held = held + 1 WHERE id = $1", [b.ticketTypes[0].id]);
    let secondCommitted = false;
    const commit = second.query("COMMIT").then(() => (secondCommitted = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(secondCommitted).toBe(false);
    expect((await walk(start)).items).toEqual([]);

    await first.query("COMMIT");
    await commit;
    expect((await walk(start)).items.map((item) => item.id)).toEqual([a.session.id, b.session.id]);
  });

  it("a reader paging while many purchases commit ends with every session's final state", async () => {
    const events = await Promise.all(Array.from({ length: 6 }, () => createTicketedEvent({ ticketTypes: [{ capacity: 200 }, { capacity: 200 }] })));
    const buyers = await Promise.all(Array.from({ length: 20 }, () => createTestUser()));
    let position: number | undefined = await endOfFeed();
    const seen = new Map<string, { modified: number; remaining: number | null }>();
    const record = (items: FeedItem[]) => {
      for (const item of items) {
        const before = seen.get(item.id);
        if (before) expect(item.modified).toBeGreaterThan(before.modified);
        seen.set(item.id, { modified: item.modified, remaining: item.state === "updated" ? (item.data.remainingAttendeeCapacity as number) : null });
      }
    };

    let writing = true;
    const writers = (async () => {
      await Promise.all(
        Array.from({ length: 120 }, (_, index) => {
          const { ticketTypes } = events[index % events.length];
          return reserveTickets({
            buyer: accountBuyer(buyers[index % buyers.length].id),
            input: { items: [{ ticketTypeId: ticketTypes[index % 2].id, quantity: 1 + (index % 3) }] },
          });
        }),
      );
      writing = false;
    })();
    while (writing) {
      const current = await page(position, 5);
      record(current.items);
      if (current.items.length > 0) position = positionOf(current.next);
    }
    await writers;
    const rest = await walk(position, 5);
    record(rest.items);

    const stored = await prisma.eventSession.findMany({ where: { id: { in: events.map(({ session }) => session.id) } }, select: { id: true, remaining: true } });
    for (const session of stored) expect(seen.get(session.id)?.remaining, session.id).toBe(session.remaining);
  });
});
