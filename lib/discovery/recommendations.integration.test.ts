import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { accountBuyer, guestBuyer } from "@/lib/orders/buyer";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { createTestUser } from "@/tests/fixtures";
import { createCatalogEvent, uniqueWord } from "@/tests/catalog-fixtures";
import { listPicksForYou } from "./picks-for-you";
import { personalPicksEnabled, setPersonalPicks } from "./personal-picks";
import { recordEventView } from "./record-event-view";
import { listSimilarEvents } from "./similar-events";

const DAY = 86_400_000;
const soon = (days: number) => new Date(Date.now() + days * DAY);

/**
 * A little world of its own (a made-up city and title word, so other test files' events stay
 * out of it): the event `source`, a content neighbour, an event only co-bought with it, and
 * co-bought or alike events that are off sale (cancelled, past, sold out, draft).
 */
async function world() {
  const city = uniqueWord("City");
  const word = uniqueWord("Wo");
  const event = (title: string, options: Partial<Parameters<typeof createCatalogEvent>[0]> = {}) =>
    createCatalogEvent({ title, city, category: "concert", sessions: [{ startsAt: soon(10), ticketTypes: [{ priceMinor: 1500, capacity: 50 }] }], ...options });
  const source = await event(`${word} quartet`);
  const neighbour = await event(`${word} trio`);
  const coBought = await event(uniqueWord("Other"), { category: "food", city: uniqueWord("Elsewhere") });
  const cancelled = await event(`${word} cancelled`);
  const past = await event(`${word} past`);
  const soldOut = await event(`${word} sold out`, { sessions: [{ startsAt: soon(10), ticketTypes: [{ capacity: 1 }] }] });
  const draft = await event(`${word} draft`, { status: "draft" });
  await buy(guestBuyer({ email: `${uniqueWord("fan").toLowerCase()}@example.test`, name: "Fan" }), await typeOf(soldOut));
  return { city, word, source, neighbour, coBought, cancelled, past, soldOut, draft };
}

async function buy(buyer: Parameters<typeof reserveTickets>[0]["buyer"], ticketTypeId: string) {
  const order = await reserveTickets({ buyer, input: { items: [{ ticketTypeId, quantity: 1 }] } });
  await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: "test" });
  return order;
}

const typeOf = (created: Awaited<ReturnType<typeof createCatalogEvent>>) => created.sessions[0] && prisma.ticketType.findFirstOrThrow({ where: { sessionId: created.sessions[0].id } }).then((type) => type.id);

/** Two guests buy the source, an unlike event and two that then go off sale (cancelled, past). */
async function coPurchases(w: Awaited<ReturnType<typeof world>>) {
  for (const n of [1, 2]) {
    const buyer = guestBuyer({ email: `${uniqueWord("guest").toLowerCase()}-${n}@example.test`, name: "Guest" });
    for (const bought of [w.source, w.coBought, w.cancelled, w.past]) await buy(buyer, await typeOf(bought));
  }
  await prisma.event.update({ where: { id: w.cancelled.event.id }, data: { status: "cancelled" } });
  await prisma.eventSession.update({ where: { id: w.past.sessions[0].id }, data: { startsAt: new Date(Date.now() - 2 * DAY), endsAt: new Date(Date.now() - 2 * DAY + 7_200_000) } });
}

const ids = (items: { id: string }[]) => items.map((item) => item.id);

describe("More like this", () => {
  it("blends co-purchase with likeness, on sale only, never the event itself", async () => {
    const w = await world();
    await coPurchases(w);
    const similar = ids(await listSimilarEvents(w.source.event.id, { limit: 24 }));
    expect(similar).toContain(w.neighbour.event.id);
    expect(similar).toContain(w.coBought.event.id);
    expect(similar).not.toContain(w.source.event.id);
    for (const offSale of [w.cancelled, w.past, w.soldOut, w.draft]) expect(similar).not.toContain(offSale.event.id);
  });

  it("gives a new event with no sales its content neighbours on day one", async () => {
    const w = await world();
    const fresh = await createCatalogEvent({ title: `${w.word} debut`, city: w.city, category: "concert", sessions: [{ startsAt: soon(5) }] });
    const similar = ids(await listSimilarEvents(fresh.event.id, { limit: 24 }));
    expect(similar.slice(0, 2).sort()).toEqual([w.source.event.id, w.neighbour.event.id].sort());
    expect(similar).not.toContain(fresh.event.id);
    expect(similar).not.toContain(w.draft.event.id);
    expect(similar).not.toContain(w.soldOut.event.id);
  });
});

describe("For you", () => {
  it("picks from a buyer's purchases, never what they bought or what is off sale", async () => {
    const w = await world();
    await coPurchases(w);
    const user = await createTestUser();
    await buy(accountBuyer(user.id), await typeOf(w.source));
    const picks = await listPicksForYou({ user, guestViews: [] }, { limit: 24 });
    expect(picks.kind).toBe("account");
    const picked = ids(picks.items);
    expect(picked).toContain(w.neighbour.event.id);
    expect(picked).toContain(w.coBought.event.id);
    expect(picked).not.toContain(w.source.event.id);
    for (const offSale of [w.cancelled, w.past, w.soldOut, w.draft]) expect(picked).not.toContain(offSale.event.id);

    // Buying the neighbour takes it out of the picks.
    await buy(accountBuyer(user.id), await typeOf(w.neighbour));
    expect(ids((await listPicksForYou({ user, guestViews: [] }, { limit: 24 })).items)).not.toContain(w.neighbour.event.id);
  });

  it("gives a guest picks from what they viewed on this visit, and nothing without views", async () => {
    const w = await world();
    expect(await listPicksForYou({ user: null, guestViews: [] })).toEqual({ kind: "none", items: [] });
    const picks = await listPicksForYou({ user: null, guestViews: [w.source.event.id] }, { limit: 24 });
    expect(picks.kind).toBe("visit");
    expect(ids(picks.items)).toContain(w.neighbour.event.id);
    for (const offSale of [w.soldOut, w.draft]) expect(ids(picks.items)).not.toContain(offSale.event.id);
  });

  it("uses an account's recorded views; turning the setting off forgets them and hides the picks", async () => {
    const w = await world();
    const user = await createTestUser();
    expect(await listPicksForYou({ user, guestViews: [] })).toEqual({ kind: "none", items: [] });
    expect(await recordEventView(user.id, w.source.event.id)).toBe(true);
    expect(await recordEventView(user.id, w.draft.event.id)).toBe(false);
    const picks = await listPicksForYou({ user, guestViews: [] }, { limit: 24 });
    expect(ids(picks.items)).toContain(w.neighbour.event.id);

    await setPersonalPicks(user.id, false);
    expect(await personalPicksEnabled(user.id)).toBe(false);
    expect(await prisma.eventView.count({ where: { userId: user.id } })).toBe(0);
    expect(await listPicksForYou({ user, guestViews: [w.source.event.id] })).toEqual({ kind: "off", items: [] });
    // While off, nothing is recorded.
    expect(await recordEventView(user.id, w.source.event.id)).toBe(false);
    expect(await prisma.eventView.count({ where: { userId: user.id } })).toBe(0);

    await setPersonalPicks(user.id, true);
    expect(await listPicksForYou({ user, guestViews: [] })).toEqual({ kind: "none", items: [] });
  });

  it("keeps an account's latest views only", async () => {
    const user = await createTestUser();
    const events = await prisma.event.findMany({ where: { status: "published" }, select: { id: true }, take: 3 });
    for (const [index, event] of events.entries()) await recordEventView(user.id, event.id, new Date(Date.now() + index * 1000));
    await recordEventView(user.id, events[0].id, new Date(Date.now() + 10_000));
    const stored = await prisma.eventView.findMany({ where: { userId: user.id }, orderBy: { viewedAt: "desc" } });
    expect(stored.map((view) => view.eventId)).toEqual([events[0].id, ...events.slice(1).map((event) => event.id).reverse()]);
  });
});
