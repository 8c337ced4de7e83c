// The SessionSeries, FacilityUse and Slot feeds: paging, tombstones, and which changes give
// an item a new change number (a sale, an edit, a booking, a released hold, a deletion).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { sweepExpiredHolds } from "@/lib/orders/release-expired-holds";
import { reserveBooking } from "@/lib/orders/reserve-booking";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { cancelUnpaidOrder } from "@/lib/orders/transitions";
import { createBookableEvent, createTestUser, createTicketedEvent, expireHold } from "@/tests/fixtures";
import { FEEDS, type FeedDefinition } from "./feeds";
import type { RpdeItem } from "./rpde";
import { accountBuyer } from "@/lib/orders/buyer";

const BASE = "http://feed.test";

async function endOf(feed: FeedDefinition): Promise<number> {
  let after: number | undefined;
  for (;;) {
    const page = await feed.read({ params: { afterChangeNumber: after }, baseUrl: BASE, currentUrl: feed.path });
    if (!page.items.length) return after ?? 0;
    after = page.items.at(-1)!.modified;
  }
}

/** Every item after `from`, following `next` with a small page size; checks the paging rules on the way. */
async function walk(feed: FeedDefinition, from: number): Promise<{ items: RpdeItem[]; position: number }> {
  const items: RpdeItem[] = [];
  let position = from;
  for (;;) {
    const currentUrl = `${feed.path}?afterChangeNumber=${position}&limit=5`;
    const page = await feed.read({ params: { afterChangeNumber: position, limit: 5 }, baseUrl: BASE, currentUrl });
    if (!page.items.length) {
      expect(page.next).toBe(`${BASE}${currentUrl}`);
      return { items, position };
    }
    const numbers = page.items.map((item) => item.modified);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers[0]).toBeGreaterThan(position);
    items.push(...page.items);
    position = page.items.at(-1)!.modified;
    expect(page.next).toBe(`${BASE}${feed.path}?afterChangeNumber=${position}&limit=5`);
  }
}

const dataOf = (item: RpdeItem | undefined) => (item && item.state === "updated" ? item.data : undefined);

describe("the SessionSeries feed", () => {
  it("publishes an event once per transaction; edits move it, sales do not; a deleted event is a tombstone", async () => {
    const feed = FEEDS.sessionSeries;
    const user = await createTestUser();
    let position = await endOf(feed);
    const { event, ticketTypes } = await createTicketedEvent({ title: "Series", ticketTypes: [{ capacity: 5 }, { name: "Free", capacity: 5, priceMinor: 0 }] });
    const unsold = await createTicketedEvent({ ticketTypes: [{ capacity: 5 }] });
    let { items, position: next } = await walk(feed, position);
    expect(items.map((item) => item.id)).toEqual([event.id, unsold.event.id]);
    expect(dataOf(items[0])).toMatchObject({
      "@type": "SessionSeries", "@id": `${BASE}/events/${event.slug}`, name: "Series", isAccessibleForFree: true,
      organizer: { "@type": "Organization" }, location: { "@type": "Place", address: { "@type": "PostalAddress" } },
      eventSchedule: [{ "@type": "PartialSchedule", scheduleTimezone: "Europe/Lisbon" }],
    });
    position = next;

    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
    expect((await walk(feed, position)).items).toEqual([]);

    await prisma.event.update({ where: { id: event.id }, data: { activityId: "95092977-5a20-4d6e-b312-8fddabe71544", minAge: 10 } });
    ({ items, position: next } = await walk(feed, position));
    expect(items.map((item) => item.id)).toEqual([event.id]);
    expect(dataOf(items[0])).toMatchObject({ activity: [{ prefLabel: "Walking" }], ageRange: { minValue: 10 } });
    position = next;

    await prisma.venue.update({ where: { id: event.venueId }, data: { postalCode: "1100-544", country: "PT" } });
    ({ items, position: next } = await walk(feed, position));
    expect(dataOf(items[0])).toMatchObject({ location: { address: { postalCode: "1100-544", addressCountry: "PT" } } });
    position = next;

    await prisma.event.delete({ where: { id: unsold.event.id } });
    ({ items } = await walk(feed, position));
    expect(items).toEqual([{ state: "deleted", kind: "SessionSeries", id: unsold.event.id, modified: expect.any(Number) }]);
  });
});

describe("the FacilityUse and Slot feeds", () => {
  it("publish a resource and its slots; a booking, an expired hold's release and a cancellation change remainingUses", async () => {
    const user = await createTestUser();
    let usePosition = await endOf(FEEDS.facilityUses);
    let slotPosition = await endOf(FEEDS.slots);
    const { resource, event } = await createBookableEvent({ priceMinorPerSlot: 2000 });

    const uses = await walk(FEEDS.facilityUses, usePosition);
    expect(uses.items.map((item) => item.id)).toEqual([resource.id]);
    expect(dataOf(uses.items[0])).toMatchObject({ "@type": "FacilityUse", hoursAvailable: [{ opens: "09:00", closes: "18:00" }] });
    usePosition = uses.position;

    let slots = await walk(FEEDS.slots, slotPosition);
    // 09:00 to 18:00, a 60-minute booking at every half hour: 17 a day over the 14-day horizon (today's may have passed).
    expect(slots.items.length).toBeGreaterThanOrEqual(13 * 17);
    expect(slots.items.length).toBeLessThanOrEqual(15 * 17);
    // A slot with slots 30 minutes before it and 3 hours after it (the same day's opening hours).
    const starts = new Set(slots.items.map((item) => Date.parse(String(dataOf(item)?.startDate))));
    const first = slots.items.map(dataOf).find((data) => {
      const at = Date.parse(String(data?.startDate));
      return at > Date.now() + 24 * 3600_000 && starts.has(at - 30 * 60_000) && starts.has(at + 180 * 60_000);
    })!;
    expect(first).toMatchObject({ "@type": "Slot", facilityUse: `${BASE}/events/${event.slug}#facility-use-${resource.id}`, remainingUses: 1, maximumUses: 1, offers: [{ price: 40 }] });
    slotPosition = slots.position;

    // A 90-minute hold takes the slots it overlaps: starts at -30, 0, +30 and +60 minutes.
    const start = new Date(String(first.startDate));
    const order = await reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId: resource.id, start: new Date(start.getTime() + 60 * 60_000), minutes: 90 } });
    slots = await walk(FEEDS.slots, slotPosition);
    expect(slots.items.map((item) => dataOf(item)?.remainingUses)).toEqual([0, 0, 0, 0]);
    slotPosition = slots.position;

    // The hold expires and the sweeper releases it: the same slots are free again.
    await expireHold(order.id);
    await sweepExpiredHolds();
    slots = await walk(FEEDS.slots, slotPosition);
    expect(slots.items.map((item) => dataOf(item)?.remainingUses)).toEqual([1, 1, 1, 1]);
    slotPosition = slots.position;

    const again = await reserveBooking({ buyer: accountBuyer(user.id), input: { resourceId: resource.id, start, minutes: 60 } });
    slots = await walk(FEEDS.slots, slotPosition);
    expect(slots.items.map((item) => dataOf(item)?.remainingUses)).toEqual([0, 0, 0]);
    slotPosition = slots.position;
    await cancelUnpaidOrder(again.id);
    slots = await walk(FEEDS.slots, slotPosition);
    expect(slots.items.map((item) => dataOf(item)?.remainingUses)).toEqual([1, 1, 1]);
    slotPosition = slots.position;

    // Unpublishing the event takes the facility use and every slot out of the feed.
    await prisma.event.update({ where: { id: event.id }, data: { status: "draft" } });
    expect((await walk(FEEDS.facilityUses, usePosition)).items).toMatchObject([{ state: "deleted", id: resource.id }]);
    slots = await walk(FEEDS.slots, slotPosition);
    expect(slots.items.length).toBeGreaterThan(200);
    expect(slots.items.every((item) => item.state === "deleted")).toBe(true);
    slotPosition = slots.position;

    // Deleting the resource leaves tombstones only.
    await prisma.resource.delete({ where: { id: resource.id } });
    usePosition = (await walk(FEEDS.facilityUses, usePosition)).position;
    slots = await walk(FEEDS.slots, slotPosition);
    expect(slots.items.length).toBeGreaterThan(200);
    expect(new Set(slots.items.map((item) => item.state))).toEqual(new Set(["deleted"]));
  });
});
