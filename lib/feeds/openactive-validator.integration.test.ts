// The official OpenActive data-model validator (RPDEFeed mode) over pages of every feed,
// built from events and experiences as an admin makes them: any failure fails the test.
// Allowed, and listed in docs/decisions/0003-rpde-feed.md: the `activity` rule on events the
// OpenActive activity list does not cover (a concert is no physical activity).
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { reserveBooking } from "@/lib/orders/reserve-booking";
import { createBookableEvent, createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { FEED_LIST } from "./feeds";
import { prepareValidatorCache, summarise, validateFeedPage, type ValidatorMessage } from "./openactive-validation";
import { accountBuyer } from "@/lib/orders/buyer";

const BASE = "https://tickets.example";
const WALKING = "95092977-5a20-4d6e-b312-8fddabe71544";

const realVenue = {
  postalCode: "1100-544", region: "Lisboa", country: "PT", phone: "+351 21 886 0000", url: "https://venue.example/tasca",
  latitude: 38.7116, longitude: -9.1297,
};

/** Items of every feed that belong to `ids`, paged as a consumer pages them. */
async function pagesOf(ids: Set<string>) {
  const pages: { path: string; page: { next: string; items: { id: string; state: string }[]; license: string } }[] = [];
  for (const feed of FEED_LIST) {
    let after: number | undefined;
    for (;;) {
      const page = await feed.read({ params: { afterChangeNumber: after, limit: 200 }, baseUrl: BASE, currentUrl: feed.path });
      if (page.items.length === 0) break;
      const items = page.items.filter((item) => ids.has(item.id) || ids.has(String((item as { data?: { facilityUse?: string } }).data?.facilityUse ?? "").split("#facility-use-")[1] ?? ""));
      if (items.length) pages.push({ path: feed.path, page: { ...page, items } });
      after = page.items.at(-1)!.modified;
    }
  }
  return pages;
}

describe("OpenActive data-model validator over the feeds", () => {
  it("finds no failures in sessions, series, facility uses and slots", async () => {
    const walk = await createTicketedEvent({ title: "Alfama walking tour", category: "tour", ticketTypes: [{ capacity: 10, priceMinor: 1500 }, { name: "Child", capacity: 5, priceMinor: 0 }] });
    await prisma.venue.update({ where: { id: walk.venue.id }, data: realVenue });
    await prisma.event.update({ where: { id: walk.event.id }, data: { activityId: WALKING, minAge: 8, maxAge: 99 } });
    const cancelled = await createTicketedEvent({ title: "Cancelled walk", category: "tour", status: "cancelled", ticketTypes: [{ capacity: 4 }] });
    await prisma.venue.update({ where: { id: cancelled.venue.id }, data: realVenue });
    await prisma.event.update({ where: { id: cancelled.event.id }, data: { activityId: WALKING } });
    const concert = await createTicketedEvent({ title: "Fado night", ticketTypes: [{ capacity: 40 }] });
    await prisma.venue.update({ where: { id: concert.venue.id }, data: realVenue });
    const draft = await createTicketedEvent({ status: "draft", ticketTypes: [{ capacity: 4 }] });
    const deleted = await createTicketedEvent({ ticketTypes: [{ capacity: 4 }] });
    await prisma.event.delete({ where: { id: deleted.event.id } });
    const boat = await createBookableEvent();
    await prisma.venue.update({ where: { id: boat.venue.id }, data: realVenue });
    await prisma.event.update({ where: { id: boat.event.id }, data: { activityId: "6bb8b844-df3e-4cae-bf5f-3e129c6b1a9d" } });
    const buyer = await createTestUser();
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const start = new Date(`${tomorrow.toISOString().slice(0, 10)}T10:00:00Z`);
    await reserveBooking({ buyer: accountBuyer(buyer.id), input: { resourceId: boat.resource.id, start, minutes: 60 } });

    const ids = new Set([walk, cancelled, concert, draft, deleted].flatMap((made) => [made.event.id, made.session.id]));
    ids.add(boat.event.id).add(boat.resource.id);
    const pages = await pagesOf(ids);
    expect(new Set(pages.map((entry) => entry.path))).toEqual(new Set(FEED_LIST.map((feed) => feed.path)));

    const cache = prepareValidatorCache();
    const failures: ValidatorMessage[] = [];
    const all: ValidatorMessage[] = [];
    for (const { page } of pages) {
      const messages = await validateFeedPage(page, cache);
      all.push(...messages);
      for (const message of messages) {
        if (message.severity !== "failure") continue;
        const concertActivity = /activity/i.test(message.message) && JSON.stringify(page.items).includes(concert.event.id);
        if (!concertActivity) failures.push(message);
      }
    }
    if (failures.length) console.log(summarise(failures).byMessage, failures.slice(0, 5));
    console.log("validator messages over generated pages", summarise(all).bySeverity, summarise(all).byMessage);
    expect(failures).toEqual([]);
  });
});
