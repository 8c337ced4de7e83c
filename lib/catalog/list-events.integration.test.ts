import { describe, expect, it } from "vitest";
import { createCatalogEvent, localTime, uniqueWord } from "@/tests/catalog-fixtures";
import { listEvents } from "./list-events";
import type { EventFilters } from "./types";

// A Wednesday. Every test puts its events in a city of its own and filters by it (`where`),
// because other test files add events to the same database.
const NOW = new Date("2031-05-14T10:00:00.000Z");
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const at = (offset: number) => new Date(NOW.getTime() + offset);

async function titlesIn(city: string, filters: Omit<EventFilters, "page" | "where"> = {}, now = NOW) {
  const result = await listEvents({ ...filters, where: city, page: 1 }, { now, pageSize: 100 });
  return result.items.map((item) => item.title);
}

describe("listEvents", () => {
  it("lists published events with an upcoming session or a resource, soonest first, bookable ones after by title", async () => {
    const city = uniqueWord("City");
    const later = await createCatalogEvent({ title: "Later show", city, sessions: [{ startsAt: at(2 * DAY) }] });
    const sooner = await createCatalogEvent({
      title: "Sooner show",
      city,
      sessions: [{ startsAt: at(-3 * DAY) }, { startsAt: at(DAY), ticketTypes: [{ priceMinor: 900, capacity: 40, sold: 10 }, { priceMinor: 2500, capacity: 10 }] }],
    });
    await createCatalogEvent({ title: "Running now", city, sessions: [{ startsAt: at(-HOUR), minutes: 180 }] });
    await createCatalogEvent({ title: "Bravo tour", city, resource: { priceMinorPerSlot: 2500 } });
    await createCatalogEvent({ title: "Alpha tour", city, resource: { priceMinorPerSlot: 2000 } });
    await createCatalogEvent({ title: "Draft show", city, status: "draft", sessions: [{ startsAt: at(DAY) }] });
    await createCatalogEvent({ title: "Cancelled show", city, status: "cancelled", sessions: [{ startsAt: at(DAY), cancelled: true }] });
    await createCatalogEvent({ title: "Past show", city, sessions: [{ startsAt: at(-2 * DAY) }] });
    await createCatalogEvent({ title: "Called off", city, sessions: [{ startsAt: at(DAY), cancelled: true }] });
    await createCatalogEvent({ title: "Draft tour", city, status: "draft", resource: {} });

    const result = await listEvents({ where: city, page: 1 }, { now: NOW });
    expect(result.items.map((item) => item.title)).toEqual(["Running now", "Sooner show", "Later show", "Alpha tour", "Bravo tour"]);
    expect(result).toMatchObject({ page: 1, pageSize: 12, total: 5, pageCount: 1 });

    const card = result.items[1];
    expect(card).toMatchObject({
      id: sooner.event.id,
      slug: sooner.event.slug,
      city,
      venueName: sooner.venue.name,
      timeZone: "Europe/Lisbon",
      nextStartsAt: at(DAY),
      priceFromMinor: 900,
      currency: "EUR",
      remaining: 40,
      availability: "available",
      bookable: false,
    });
    expect(result.items[2]).toMatchObject({ id: later.event.id, remaining: 100, priceFromMinor: 1500 });
    expect(result.items[3]).toMatchObject({ title: "Alpha tour", nextStartsAt: null, remaining: null, priceFromMinor: 2000, availability: "available", bookable: true });
  });

  it("derives availability from the stored remaining places", async () => {
    const city = uniqueWord("City");
    const session = (capacity: number, sold: number) => [{ startsAt: at(DAY), ticketTypes: [{ capacity, sold }] }];
    await createCatalogEvent({ title: "Full", city, sessions: session(50, 50) });
    await createCatalogEvent({ title: "Nine of a hundred", city, sessions: session(100, 91) });
    await createCatalogEvent({ title: "Five of twenty", city, sessions: session(20, 15) });
    await createCatalogEvent({ title: "Plenty", city, sessions: session(100, 50) });
    const { items } = await listEvents({ where: city, page: 1 }, { now: NOW });
    const byTitle = Object.fromEntries(items.map((item) => [item.title, [item.availability, item.remaining]]));
    expect(byTitle).toEqual({
      Full: ["sold_out", 0],
      "Nine of a hundred": ["few_left", 9],
      "Five of twenty": ["few_left", 5],
      Plenty: ["available", 50],
    });
  });

  it("filters by category and by place, ignoring case and accents", async () => {
    const token = uniqueWord("Hood");
    await createCatalogEvent({ title: "Barcelona comedy", category: "comedy", city: "Barcelona", neighbourhood: `Gràcia ${token}`, sessions: [{ startsAt: at(DAY) }] });
    await createCatalogEvent({ title: "Lisbon food", category: "food", city: "Lisbon", neighbourhood: `Graça ${token}`, sessions: [{ startsAt: at(DAY) }] });
    await createCatalogEvent({ title: "São Paulo comedy", category: "comedy", city: `São ${token}`, neighbourhood: "Centro", sessions: [{ startsAt: at(DAY) }] });

    expect(await titlesIn(token)).toEqual(["Barcelona comedy", "Lisbon food", "São Paulo comedy"]);
    expect(await titlesIn(`gracia ${token}`)).toEqual(["Barcelona comedy"]);
    expect(await titlesIn(`GRACA ${token.toUpperCase()}`)).toEqual(["Lisbon food"]);
    expect(await titlesIn(`sao ${token}`)).toEqual(["São Paulo comedy"]);
    expect(await titlesIn(token, { category: "comedy" })).toEqual(["Barcelona comedy", "São Paulo comedy"]);
    expect(await titlesIn(token, { category: "tour" })).toEqual([]);
    // LIKE wildcards typed by a visitor are literal characters.
    expect(await titlesIn(`%${token}`)).toEqual([]);
    expect(await titlesIn(`_${token.slice(1)}`)).toEqual([]);
  });

  it("today is the venue's local day (Tokyo is already evening, New York is still morning)", async () => {
    // NOW is 19:00 in Tokyo and 06:00 in New York, both on Wednesday 14 May.
    const tokyo = uniqueWord("Tokyo");
    const newYork = uniqueWord("York");
    await createCatalogEvent({ title: "Tokyo tonight", city: tokyo, timeZone: "Asia/Tokyo", sessions: [{ startsAt: localTime("2031-05-14", "21:00", "Asia/Tokyo") }] });
    // Same UTC date as NOW, but Thursday in Tokyo.
    await createCatalogEvent({ title: "Tokyo after midnight", city: tokyo, timeZone: "Asia/Tokyo", sessions: [{ startsAt: localTime("2031-05-15", "01:00", "Asia/Tokyo") }] });
    await createCatalogEvent({ title: "Tokyo this morning", city: tokyo, timeZone: "Asia/Tokyo", sessions: [{ startsAt: localTime("2031-05-14", "09:00", "Asia/Tokyo") }] });
    await createCatalogEvent({ title: "Tokyo walk", city: tokyo, timeZone: "Asia/Tokyo", resource: {} });
    // The next UTC day, but still Wednesday in New York.
    await createCatalogEvent({ title: "New York late", city: newYork, timeZone: "America/New_York", sessions: [{ startsAt: localTime("2031-05-14", "22:00", "America/New_York") }] });
    await createCatalogEvent({ title: "New York tomorrow", city: newYork, timeZone: "America/New_York", sessions: [{ startsAt: localTime("2031-05-15", "00:30", "America/New_York") }] });

    expect(await titlesIn(tokyo, { date: "today" })).toEqual(["Tokyo tonight", "Tokyo walk"]);
    expect(await titlesIn(newYork, { date: "today" })).toEqual(["New York late"]);
    expect(await titlesIn(tokyo)).toEqual(["Tokyo tonight", "Tokyo after midnight", "Tokyo walk"]);
  });

  it("the weekend runs from Friday 17:00 to Sunday midnight local time, and is the current one on a Sunday", async () => {
    const city = uniqueWord("Berlin");
    const zone = "Europe/Berlin";
    const show = (title: string, date: string, time: string) =>
      createCatalogEvent({ title, city, timeZone: zone, sessions: [{ startsAt: localTime(date, time, zone), minutes: 60 }] });
    await show("Friday lunch", "2031-05-16", "12:00");
    await show("Friday evening", "2031-05-16", "18:00");
    await show("Saturday morning", "2031-05-17", "10:00");
    await show("Sunday late", "2031-05-18", "23:00");
    await show("Monday early", "2031-05-19", "00:30");
    await show("Next Saturday", "2031-05-24", "20:00");
    const both = await createCatalogEvent({
      title: "Thursday and Saturday",
      city,
      timeZone: zone,
      sessions: [{ startsAt: localTime("2031-05-15", "20:00", zone) }, { startsAt: localTime("2031-05-17", "20:00", zone) }],
    });

    const weekend = await listEvents({ where: city, date: "weekend", page: 1 }, { now: NOW });
    expect(weekend.items.map((item) => item.title)).toEqual(["Friday evening", "Saturday morning", "Thursday and Saturday", "Sunday late"]);
    // The card shows the session that matched the date filter.
    expect(weekend.items.find((item) => item.id === both.event.id)?.nextStartsAt).toEqual(localTime("2031-05-17", "20:00", zone));

    const sunday = localTime("2031-05-18", "12:00", zone);
    expect(await titlesIn(city, { date: "weekend" }, sunday)).toEqual(["Sunday late"]);
  });

  it("a date range covers whole local days, from and to included", async () => {
    const city = uniqueWord("York");
    const zone = "America/New_York";
    const show = (title: string, date: string, time: string) =>
      createCatalogEvent({ title, city, timeZone: zone, sessions: [{ startsAt: localTime(date, time, zone), minutes: 60 }] });
    await show("First minutes", "2031-06-01", "00:30");
    await show("Last minutes", "2031-06-03", "23:30");
    await show("Evening before", "2031-05-31", "23:30"); // already 1 June in UTC
    await show("Day after", "2031-06-04", "00:30");
    await createCatalogEvent({ title: "Harbour cruise", city, timeZone: zone, resource: {} });

    expect(await titlesIn(city, { date: "range", from: "2031-06-01", to: "2031-06-03" })).toEqual(["First minutes", "Last minutes", "Harbour cruise"]);
    // A bookable experience does not match a range that is all in the past.
    expect(await titlesIn(city, { date: "range", from: "2031-01-01", to: "2031-01-31" })).toEqual([]);
  });

  it("price filters use the lowest price of the matching sessions", async () => {
    const city = uniqueWord("City");
    await createCatalogEvent({ title: "Free gig", city, sessions: [{ startsAt: at(DAY), ticketTypes: [{ priceMinor: 1000 }, { priceMinor: 0 }] }] });
    await createCatalogEvent({ title: "Fifteen", city, sessions: [{ startsAt: at(2 * DAY), ticketTypes: [{ priceMinor: 1500 }] }] });
    await createCatalogEvent({ title: "Eighteen", city, sessions: [{ startsAt: at(3 * DAY), ticketTypes: [{ priceMinor: 2500 }, { priceMinor: 1800 }] }] });
    await createCatalogEvent({ title: "Twenty-five", city, sessions: [{ startsAt: at(4 * DAY), ticketTypes: [{ priceMinor: 2500 }] }] });
    await createCatalogEvent({ title: "Cheap tour", city, resource: { priceMinorPerSlot: 1500 } });
    await createCatalogEvent({ title: "Dear tour", city, resource: { priceMinorPerSlot: 3000 } });
    // Cheap next week, dear today: only cheap when "today" is not asked for.
    await createCatalogEvent({
      title: "Cheap later",
      city,
      sessions: [{ startsAt: at(3 * HOUR), ticketTypes: [{ priceMinor: 5000 }] }, { startsAt: at(7 * DAY), ticketTypes: [{ priceMinor: 1000 }] }],
    });

    expect(await titlesIn(city, { free: true })).toEqual(["Free gig"]);
    const cheap = await listEvents({ where: city, maxPriceMinor: 2000, page: 1 }, { now: NOW });
    expect(cheap.items.map((item) => [item.title, item.priceFromMinor])).toEqual([
      ["Cheap later", 1000],
      ["Free gig", 0],
      ["Fifteen", 1500],
      ["Eighteen", 1800],
      ["Cheap tour", 1500],
    ]);
    expect(await titlesIn(city, { maxPriceMinor: 2000, date: "today" })).toEqual(["Cheap tour"]);
    const today = await listEvents({ where: city, date: "today", page: 1 }, { now: NOW });
    expect(today.items.find((item) => item.title === "Cheap later")?.priceFromMinor).toBe(5000);
  });

  it("available keeps events with places left in a matching session, and shows that session", async () => {
    const city = uniqueWord("City");
    await createCatalogEvent({ title: "Sold out", city, sessions: [{ startsAt: at(DAY), ticketTypes: [{ capacity: 10, sold: 10 }] }] });
    const mixed = await createCatalogEvent({
      title: "Second night left",
      city,
      sessions: [{ startsAt: at(2 * DAY), ticketTypes: [{ capacity: 10, sold: 10 }] }, { startsAt: at(3 * DAY), ticketTypes: [{ capacity: 10, sold: 2 }] }],
    });
    await createCatalogEvent({ title: "Open", city, sessions: [{ startsAt: at(4 * DAY) }] });
    await createCatalogEvent({ title: "Tour", city, resource: {} });

    const all = await listEvents({ where: city, page: 1 }, { now: NOW });
    expect(all.items.find((item) => item.id === mixed.event.id)).toMatchObject({ nextStartsAt: at(2 * DAY), remaining: 8 });
    const available = await listEvents({ where: city, available: true, page: 1 }, { now: NOW });
    expect(available.items.map((item) => item.title)).toEqual(["Second night left", "Open", "Tour"]);
    expect(available.items[0]).toMatchObject({ nextStartsAt: at(3 * DAY), remaining: 8, availability: "available" });
  });

  it("pages keep the order and the total", async () => {
    const city = uniqueWord("City");
    for (let day = 5; day >= 1; day--) await createCatalogEvent({ title: `Day ${day}`, city, sessions: [{ startsAt: at(day * DAY) }] });
    const page = (number: number) => listEvents({ where: city, page: number }, { now: NOW, pageSize: 2 });

    expect(await page(1)).toMatchObject({ page: 1, pageSize: 2, total: 5, pageCount: 3 });
    expect((await page(1)).items.map((item) => item.title)).toEqual(["Day 1", "Day 2"]);
    expect((await page(2)).items.map((item) => item.title)).toEqual(["Day 3", "Day 4"]);
    expect((await page(3)).items.map((item) => item.title)).toEqual(["Day 5"]);
    expect(await page(4)).toMatchObject({ items: [], total: 5, pageCount: 3 });
  });
});
