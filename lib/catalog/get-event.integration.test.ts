import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { createCatalogEvent, localTime } from "@/tests/catalog-fixtures";
import { createTestUser } from "@/tests/fixtures";
import { getBookableDay, getPublicEventById, getPublicEventBySlug } from "./get-event";

const NOW = new Date("2031-05-14T10:00:00.000Z");
const HOUR = 3600_000;
const at = (offset: number) => new Date(NOW.getTime() + offset);

describe("getPublicEventBySlug / getPublicEventById", () => {
  it("returns a published event with its upcoming sessions, on sale until they start, ticket types in order", async () => {
    const { event, venue, sessions } = await createCatalogEvent({
      title: "Detail test",
      timeZone: "Europe/Madrid",
      sessions: [
        { startsAt: at(48 * HOUR), ticketTypes: [{ name: "Standard", priceMinor: 2000 }, { name: "Reduced", priceMinor: 1200, capacity: 10, sold: 4 }] },
        { startsAt: at(-HOUR), minutes: 180 },
        { startsAt: at(-48 * HOUR) },
        { startsAt: at(24 * HOUR), cancelled: true },
      ],
    });
    // Reorder: "Reduced" first.
    const reduced = await prisma.ticketType.findFirstOrThrow({ where: { sessionId: sessions[0].id, name: "Reduced" } });
    await prisma.ticketType.update({ where: { id: reduced.id }, data: { sortOrder: -1 } });

    const detail = await getPublicEventBySlug(event.slug, { now: NOW });
    expect(detail).toMatchObject({
      id: event.id,
      slug: event.slug,
      title: "Detail test",
      status: "published",
      venue: { id: venue.id, name: venue.name, timeZone: "Europe/Madrid", latitude: null, longitude: null },
      resources: [],
    });
    expect(detail!.sessions.map((session) => [session.id, session.onSale])).toEqual([
      [sessions[1].id, false],
      [sessions[0].id, true],
    ]);
    expect(detail!.sessions[1].ticketTypes).toEqual([
      { id: reduced.id, name: "Reduced", description: "", priceMinor: 1200, currency: "EUR", capacity: 10, remaining: 6, salesStart: null, salesEnd: null, tiers: [], hidden: false },
      expect.objectContaining({ name: "Standard", priceMinor: 2000, remaining: 100 }),
    ]);
    expect(detail!.sessions[1].remaining).toBe(106);

    expect(await getPublicEventById(event.id, { now: NOW })).toEqual(detail);
  });

  it("returns null for drafts, cancelled events, unknown slugs and ids, and malformed input", async () => {
    const draft = await createCatalogEvent({ title: "Draft detail", status: "draft", sessions: [{ startsAt: at(HOUR) }] });
    const cancelled = await createCatalogEvent({ title: "Cancelled detail", status: "cancelled" });
    for (const slug of [draft.event.slug, cancelled.event.slug, "no-such-event-anywhere", "../../etc/passwd", "Upper-Case", "", "x".repeat(300)]) {
      expect(await getPublicEventBySlug(slug), slug).toBeNull();
    }
    for (const id of [draft.event.id, cancelled.event.id, randomUUID(), "not-a-uuid", "", "'; DROP TABLE events; --"]) {
      expect(await getPublicEventById(id), id).toBeNull();
    }
  });

  it("lists the resources of a bookable experience", async () => {
    const { event, resource } = await createCatalogEvent({ title: "Bookable detail", resource: { priceMinorPerSlot: 1800 } });
    const detail = await getPublicEventBySlug(event.slug, { now: NOW });
    expect(detail?.sessions).toEqual([]);
    expect(detail?.resources).toEqual([
      { id: resource!.id, name: "Guide", opensMinute: 540, closesMinute: 1080, slotMinutes: 30, minMinutes: 60, maxMinutes: 180, priceMinorPerSlot: 1800, currency: "EUR" },
    ]);
  });
});

describe("getBookableDay", () => {
  const ZONE = "America/New_York";
  const DATE = "2031-05-20";

  async function book(resourceId: string, eventId: string, from: string, to: string, state: "held" | "expired" | "sold" | "released") {
    const user = await createTestUser();
    const order = await prisma.order.create({
      data: {
        reference: `T-${randomUUID().slice(0, 12)}`,
        userId: user.id,
        buyerEmail: user.email,
        buyerName: user.name,
        eventId,
        totalMinor: 4000,
        currency: "EUR",
        status: state === "sold" ? "paid" : "pending",
        paidAt: state === "sold" ? NOW : null,
        // Holds are judged at the `now` passed to getBookableDay (that day, 06:00 or 12:00).
        holdExpiresAt: localTime(DATE, state === "expired" ? "05:00" : "23:00", ZONE),
      },
    });
    await prisma.booking.create({
      data: {
        resourceId,
        orderId: order.id,
        startsAt: localTime(DATE, from, ZONE),
        endsAt: localTime(DATE, to, ZONE),
        status: state === "expired" ? "held" : state,
      },
    });
  }

  it("lists every start of the local day, marking taken and past ones", async () => {
    const { event, resource } = await createCatalogEvent({ title: "Harbour kayak", timeZone: ZONE, resource: {} });
    await book(resource!.id, event.id, "10:00", "11:00", "held");
    await book(resource!.id, event.id, "14:00", "15:30", "sold");
    await book(resource!.id, event.id, "16:00", "17:00", "expired");
    await book(resource!.id, event.id, "09:00", "10:00", "released");

    const noon = localTime(DATE, "12:00", ZONE);
    const day = await getBookableDay(resource!.id, DATE, 60, { now: noon });
    expect(day).toMatchObject({ date: DATE, minutes: 60, timeZone: ZONE });
    const starts = day!.starts;
    // 09:00 to 17:00 every 30 minutes: a 60-minute booking must end by 18:00.
    expect(starts.map((start) => start.minute)).toEqual(Array.from({ length: 17 }, (_, index) => 540 + index * 30));
    expect(starts[0].startsAt).toEqual(localTime(DATE, "09:00", ZONE));
    const free = starts.filter((start) => start.free).map((start) => start.minute / 60);
    // Past: up to 12:00. Taken: 13:30-15:00 (sold 14:00-15:30). The expired hold at 16:00 is free again.
    expect(free).toEqual([12.5, 13, 15.5, 16, 16.5, 17]);

    const morning = await getBookableDay(resource!.id, DATE, 120, { now: localTime(DATE, "06:00", ZONE) });
    // 120 minutes: 09:00-16:00 starts; the held 10:00-11:00 blocks 09:00-10:30 starts.
    expect(morning!.starts.filter((start) => !start.free).map((start) => start.minute / 60)).toEqual([9, 9.5, 10, 10.5, 12.5, 13, 13.5, 14, 14.5, 15]);
  });

  it("returns null for an unknown or unpublished resource and for lengths or dates outside the rules", async () => {
    const { resource } = await createCatalogEvent({ title: "Rules kayak", timeZone: ZONE, resource: {} });
    const draft = await createCatalogEvent({ title: "Draft kayak", status: "draft", resource: {} });
    expect(await getBookableDay(resource!.id, DATE, 45)).toBeNull();
    expect(await getBookableDay(resource!.id, DATE, 30)).toBeNull();
    expect(await getBookableDay(resource!.id, DATE, 240)).toBeNull();
    expect(await getBookableDay(resource!.id, DATE, Number.NaN)).toBeNull();
    expect(await getBookableDay(resource!.id, "2031-02-30", 60)).toBeNull();
    expect(await getBookableDay(resource!.id, "tomorrow", 60)).toBeNull();
    expect(await getBookableDay(randomUUID(), DATE, 60)).toBeNull();
    expect(await getBookableDay("nope", DATE, 60)).toBeNull();
    expect(await getBookableDay(draft.resource!.id, DATE, 60)).toBeNull();
  });
});
