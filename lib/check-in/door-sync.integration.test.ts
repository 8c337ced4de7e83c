// The door scanner's engine (issue 25, item 7), against the real check-in routes and database;
// only the network is simulated: `offline` makes every request fail as fetch does without one.
import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { POST as checkInRoute } from "@/app/api/check-in/route";
import { GET as doorListRoute } from "@/app/api/check-in/sessions/[id]/tickets/route";
import { POST as uploadsRoute } from "@/app/api/check-in/uploads/route";
import { createApiToken } from "@/lib/auth/api-tokens";
import { prisma } from "@/lib/db";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { loadOrderTickets } from "@/lib/tickets/load-order-tickets";
import { routeParams } from "@/tests/api-fixtures";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { clearDoorStorage, createDoorStorage, type StorageLike } from "./door-storage";
import { doorView, scanTicket, syncDoor, uploadAllQueues, type DoorEngine } from "./door-sync";
import { accountBuyer } from "@/lib/orders/buyer";

// The scanner here signs in with a check_in token, not a session.
vi.mock("@/lib/auth", () => ({ currentUser: async () => null }));

class MemoryStorage implements StorageLike {
  private readonly entries = new Map<string, string>();
  get length() {
    return this.entries.size;
  }
  key(index: number) {
    return [...this.entries.keys()][index] ?? null;
  }
  getItem(key: string) {
    return this.entries.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.entries.set(key, value);
  }
  removeItem(key: string) {
    this.entries.delete(key);
  }
}

async function doorFixture() {
  const { event, ticketTypes, session } = await createTicketedEvent({ ticketTypes: [{ capacity: 20, name: "Standing" }], startsAt: new Date(Date.now() + 2 * 60 * 60_000) });
  const buyer = await createTestUser({ name: "Ana Holder" });
  const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "p" });
  const codes = (await loadOrderTickets(order.id))!.pdf.tickets.map((ticket) => ({ id: ticket.id, code: ticket.signedCode, shortCode: ticket.shortCode }));
  const staff = await createTestUser({ name: "Door" });
  await prisma.staffGrant.create({ data: { userId: staff.id, eventId: event.id, grantedBy: "test" } });
  const created = await createApiToken({ userId: staff.id, input: { name: "door", scope: "check_in" } });
  if (!created.ok) throw new Error(created.message);
  return { session, codes, staff, token: created.secret };
}

/** fetch to the real route handlers, as the scanner's browser would; `network.up = false` cuts it. */
function doorFetch(token: string) {
  const network = { up: true };
  const fetchLike: typeof fetch = async (input, init) => {
    if (!network.up) throw new TypeError("fetch failed");
    const request = new Request(new URL(String(input), "http://localhost:3000"), { ...init, headers: { ...(init?.headers as Record<string, string>), authorization: `Bearer ${token}` } });
    const path = new URL(request.url).pathname;
    if (path === "/api/check-in") return checkInRoute(request, routeParams({}));
    if (path === "/api/check-in/uploads") return uploadsRoute(request, routeParams({}));
    const list = /^\/api\/check-in\/sessions\/([^/]+)\/tickets$/.exec(path);
    if (list) return doorListRoute(request, routeParams({ id: list[1] }));
    return new Response("not found", { status: 404 });
  };
  return { fetch: fetchLike, network };
}

describe("the door engine", () => {
  it("syncs the door list, decides online, then offline from the list, queues, and uploads when the connection returns", async () => {
    const { session, codes, staff, token } = await doorFixture();
    const { fetch, network } = doorFetch(token);
    const engine: DoorEngine = { storage: createDoorStorage(new MemoryStorage(), "a1"), fetch };
    engine.storage.setDoor("North gate");

    expect(await syncDoor(engine, session.id)).toBe("online");
    expect(doorView(engine.storage, session.id)).toMatchObject({ list: { tickets: expect.any(Array) }, queued: 0, problems: [] });
    const scan = (code: string, tryOnline = network.up) => scanTicket(engine, { sessionId: session.id, code: ` ${code} `, door: "North gate", by: staff.email, tryOnline });

    expect(await scan(codes[0].code)).toMatchObject({ offline: false, online: true, verdict: { result: "admitted", ticket: { holderName: "Ana Holder" } } });

    // The connection drops while the phone still believes it is online: the list decides.
    network.up = false;
    expect(await scan(codes[0].code, true)).toMatchObject({ offline: true, online: false, verdict: { result: "already_checked_in" } });
    expect(await scan(codes[1].code)).toMatchObject({ offline: true, verdict: { result: "admitted" } });
    expect(await scan(codes[1].code)).toMatchObject({ offline: true, verdict: { result: "already_checked_in" } });
    expect(doorView(engine.storage, session.id).queued).toBe(1);
    expect(await syncDoor(engine, session.id)).toBe("offline");
    expect(await uploadAllQueues(engine)).toBe(false);

    network.up = true;
    expect(await syncDoor(engine, session.id)).toBe("online");
    expect(doorView(engine.storage, session.id)).toMatchObject({ queued: 0, problems: [] });
    const stored = await prisma.checkIn.findMany({ where: { sessionId: session.id }, orderBy: { scannedAt: "asc" }, select: { ticketId: true, offline: true, door: true } });
    expect(stored).toEqual([
      { ticketId: codes[0].id, offline: false, door: "North gate" },
      { ticketId: codes[1].id, offline: true, door: "North gate" },
    ]);
    expect(doorView(engine.storage, session.id).list?.tickets.every((ticket) => ticket.checkedIn)).toBe(true);
  });

  it("takes a typed short code online and, without a connection, from the synced list; the upload admits it", async () => {
    const { session, codes, staff, token } = await doorFixture();
    const { fetch, network } = doorFetch(token);
    const engine: DoorEngine = { storage: createDoorStorage(new MemoryStorage(), "a1"), fetch };
    expect(await syncDoor(engine, session.id)).toBe("online");
    const typed = (shortCode: string) => `${shortCode.slice(0, 4).toLowerCase()} ${shortCode.slice(4)}`;
    const scan = (code: string) => scanTicket(engine, { sessionId: session.id, code, door: "North", by: staff.name, tryOnline: network.up });

    expect(await scan(typed(codes[0].shortCode))).toMatchObject({ online: true, verdict: { result: "admitted", ticket: { id: codes[0].id } } });
    network.up = false;
    expect(await scan(typed(codes[1].shortCode))).toMatchObject({ offline: true, verdict: { result: "admitted", ticket: { id: codes[1].id }, checkIn: { by: "Door" } } });
    // The same ticket again, by its QR this time: amber, from what this phone admitted.
    expect(await scan(codes[1].code)).toMatchObject({ offline: true, verdict: { result: "already_checked_in", checkIn: { by: "Door" } } });
    network.up = true;
    expect(await syncDoor(engine, session.id)).toBe("online");
    expect(doorView(engine.storage, session.id)).toMatchObject({ queued: 0, problems: [] });
    expect(await prisma.checkIn.count({ where: { sessionId: session.id, undoneAt: null } })).toBe(2);
  });

  it("keeps an offline admission that did not stand as a problem to show", async () => {
    const { session, codes, staff, token } = await doorFixture();
    const south = doorFetch(token);
    const north = doorFetch(token);
    const southEngine: DoorEngine = { storage: createDoorStorage(new MemoryStorage(), "s"), fetch: south.fetch };
    const northEngine: DoorEngine = { storage: createDoorStorage(new MemoryStorage(), "n"), fetch: north.fetch };
    await syncDoor(southEngine, session.id);
    south.network.up = false;
    expect((await scanTicket(southEngine, { sessionId: session.id, code: codes[0].code, door: "South", by: staff.email, tryOnline: false })).verdict?.result).toBe("admitted");
    // Meanwhile the north door, online, admits the same ticket.
    expect((await scanTicket(northEngine, { sessionId: session.id, code: codes[0].code, door: "North", by: staff.email, tryOnline: true })).verdict?.result).toBe("admitted");

    south.network.up = true;
    expect(await uploadAllQueues(southEngine)).toBe(true);
    expect(doorView(southEngine.storage, session.id).problems).toMatchObject([{ verdict: { result: "already_checked_in", checkIn: { door: "North" } } }]);
  });
});

describe("door storage", () => {
  it("is kept per account, adopts the lists of before, and is cleared whole at sign-out", () => {
    const backing = new MemoryStorage();
    const sessionId = randomUUID();
    backing.setItem(`check-in:queue:${sessionId}`, JSON.stringify([{ scanId: randomUUID(), code: "x", scannedAt: new Date().toISOString() }]));
    backing.setItem("check-in:door", JSON.stringify("East"));
    backing.setItem("unrelated", "kept");

    const mine = createDoorStorage(backing, "a1");
    mine.adoptLegacyEntries();
    expect(mine.queue(sessionId)).toHaveLength(1);
    expect(mine.door()).toBe("East");
    expect(mine.queuedSessions()).toEqual([sessionId]);
    expect(backing.getItem(`check-in:queue:${sessionId}`)).toBeNull();

    const theirs = createDoorStorage(backing, "b2");
    expect(theirs.queue(sessionId)).toEqual([]);
    expect(theirs.door()).toBe("");

    clearDoorStorage(backing);
    expect(mine.queue(sessionId)).toEqual([]);
    expect(backing.length).toBe(1);
    expect(backing.getItem("unrelated")).toBe("kept");
  });
});
