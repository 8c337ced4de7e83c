// "Near me" against the real database: distances from earthdistance, the GiST index's
// earth_box filter, and the near filter combined with text, date and price.
import { describe, expect, it } from "vitest";
import { findEvents } from "@/lib/catalog/find-events";
import { listEvents } from "@/lib/catalog/list-events";
import { searchEvents } from "@/lib/catalog/search-events";
import { prisma } from "@/lib/db";
import { createCatalogEvent, localTime, uniqueWord } from "@/tests/catalog-fixtures";
import { resolvePlace } from "./resolve-place";

const NOW = new Date("2031-05-14T10:00:00.000Z");
// Elvas (Portugal, Europe/Lisbon) and Badajoz (Spain, Europe/Madrid, one hour ahead) face
// each other across the border; Estremoz is further inside Portugal, Mérida inside Spain.
const ELVAS = { lat: 38.8814, lng: -7.1631 };
const PLACES = {
  elvas: { city: "Elvas", latitude: 38.8797, longitude: -7.1512, timeZone: "Europe/Lisbon", country: "PT" },
  badajoz: { city: "Badajoz", latitude: 38.8794, longitude: -6.9707, timeZone: "Europe/Madrid", country: "ES" },
  estremoz: { city: "Estremoz", latitude: 38.8443, longitude: -7.586, timeZone: "Europe/Lisbon", country: "PT" },
  merida: { city: "Mérida", latitude: 38.9161, longitude: -6.3437, timeZone: "Europe/Madrid", country: "ES" },
  evora: { city: "Évora", latitude: 38.5714, longitude: -7.9135, timeZone: "Europe/Lisbon", country: "PT" },
};

/** One event per place, all in a neighbourhood named for this test only (so `where` scopes it). */
async function borderEvents(places: (keyof typeof PLACES)[], options: { priceMinor?: (place: string) => number; title?: (place: string) => string } = {}) {
  const hood = uniqueWord("Hood");
  for (const [index, name] of places.entries()) {
    const place = PLACES[name];
    await createCatalogEvent({
      title: options.title?.(name) ?? `Night in ${place.city}`,
      neighbourhood: hood,
      ...place,
      // Later sessions for nearer places, so "soonest" and "nearest" disagree.
      sessions: [{ startsAt: localTime("2031-05-20", `${String(22 - index).padStart(2, "0")}:00`, place.timeZone), ticketTypes: [{ priceMinor: options.priceMinor?.(name) ?? 1500 }] }],
    });
  }
  return hood;
}

describe("near me", () => {
  it("orders by great-circle distance across the Portugal–Spain border and its time zones, and says each distance", async () => {
    const hood = await borderEvents(["elvas", "badajoz", "estremoz", "merida", "evora"]);
    const page = await listEvents({ where: hood, near: { lat: ELVAS.lat, lng: ELVAS.lng, from: ELVAS }, page: 1 }, { now: NOW });
    expect(page.items.map((card) => card.city)).toEqual(["Elvas", "Badajoz", "Estremoz", "Mérida", "Évora"]);
    const km = page.items.map((card) => (card.distanceM ?? NaN) / 1000);
    expect(km[0]).toBeCloseTo(1.05, 1);
    expect(km[1]).toBeCloseTo(16.67, 1);
    expect(km[2]).toBeCloseTo(36.89, 1);
    expect(km[3]).toBeCloseTo(71.09, 1);
    expect(km[4]).toBeCloseTo(73.74, 1);
    // Without the near filter: soonest first (Elvas's 22:00 is the latest instant) and no distances.
    const plain = await listEvents({ where: hood, page: 1 }, { now: NOW });
    expect(plain.items.at(-1)!.city).toBe("Elvas");
    expect(plain.items.every((card) => card.distanceM === undefined)).toBe(true);
  });

  it("filters within 5, 25 and 100 km, across the border", async () => {
    const hood = await borderEvents(["elvas", "badajoz", "estremoz", "merida"]);
    const within = async (radiusKm: 5 | 25 | 100) =>
      (await listEvents({ where: hood, near: { from: ELVAS, lat: ELVAS.lat, lng: ELVAS.lng, radiusKm }, page: 1 }, { now: NOW })).items.map((card) => card.city);
    expect(await within(5)).toEqual(["Elvas"]);
    expect(await within(25)).toEqual(["Elvas", "Badajoz"]);
    expect(await within(100)).toEqual(["Elvas", "Badajoz", "Estremoz", "Mérida"]);
  });

  it("combines with the text, date and price filters", async () => {
    const word = uniqueWord("Fado");
    const hood = await borderEvents(["elvas", "badajoz", "estremoz", "merida"], {
      title: (place) => (place === "estremoz" ? "Quiet evening" : `${word} night`),
      priceMinor: (place) => (place === "elvas" ? 4000 : 1000),
    });
    const near = { from: ELVAS, lat: ELVAS.lat, lng: ELVAS.lng, radiusKm: 100 as const };
    // Text: Estremoz's event does not match; price: Elvas's costs too much; Mérida is inside 100 km.
    const found = await searchEvents(word, { now: NOW, filters: { where: hood, near, maxPriceMinor: 2000, date: "range", from: "2031-05-20", to: "2031-05-20" } });
    expect(found.hits.items.map((hit) => hit.city)).toEqual(["Badajoz", "Mérida"]);
    expect(found.hits.items[0].distanceM).toBeGreaterThan(16_000);
    // Another date: nothing.
    const otherDay = await searchEvents(word, { now: NOW, filters: { where: hood, near, date: "range", from: "2031-05-21", to: "2031-05-22" } });
    expect(otherDay.hits.total).toBe(0);
  });

  it("means within 100 km without a radius, and never counts a venue without coordinates as near", async () => {
    const hood = await borderEvents(["badajoz", "evora"]);
    await createCatalogEvent({ title: "Somewhere unknown", neighbourhood: hood, sessions: [{ startsAt: localTime("2031-05-19", "20:00", "Europe/Lisbon") }] });
    const fromBadajoz = { lat: 38.8794, lng: -6.9707 };
    const nearest = await listEvents({ where: hood, near: { from: fromBadajoz, ...fromBadajoz }, page: 1 }, { now: NOW });
    // Évora is ~88 km from Badajoz; from Mérida (~55 km further east) it would be out of reach.
    expect(nearest.items.map((card) => card.title)).toEqual(["Night in Badajoz", "Night in Évora"]);
    const fromMerida = { lat: 38.9161, lng: -6.3437 };
    const fromThere = await listEvents({ where: hood, near: { from: fromMerida, ...fromMerida }, page: 1 }, { now: NOW });
    expect(fromThere.items.map((card) => card.title)).toEqual(["Night in Badajoz"]);
    expect(fromThere.total).toBe(1);
  });

  it("answers a radius search through the GiST index on the venues' points", async () => {
    // A test database has few venues, so the planner is told to prefer an index it can use.
    const plan = await prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
      return tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>("EXPLAIN SELECT id FROM venues WHERE earth_box(ll_to_earth(38.88, -7.16), 25000) @> ll_to_earth(latitude, longitude)");
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toContain("venues_earth_idx");
  });
});

describe("a typed place", () => {
  it("is resolved against our own cities, neighbourhoods and venues, accents and case aside", async () => {
    const city = uniqueWord("Vila");
    const hood = uniqueWord("Bairro");
    await createCatalogEvent({ title: "A", city, neighbourhood: hood, venueName: `Adega ${hood}`, latitude: 10, longitude: 20, sessions: [{ startsAt: localTime("2031-05-20", "20:00", "Europe/Lisbon") }] });
    await createCatalogEvent({ title: "B", city, neighbourhood: "Centre", latitude: 10.2, longitude: 20.2, sessions: [{ startsAt: localTime("2031-05-20", "20:00", "Europe/Lisbon") }] });
    const byCity = await resolvePlace(city.toUpperCase());
    expect(byCity).toMatchObject({ label: city, kind: "city" });
    expect(byCity!.from.lat).toBeCloseTo(10.1, 5);
    expect(await resolvePlace(hood.toLowerCase())).toMatchObject({ label: `${hood}, ${city}`, kind: "neighbourhood", from: { lat: 10, lng: 20 } });
    expect(await resolvePlace(`adega ${hood}`)).toMatchObject({ kind: "venue", from: { lat: 10, lng: 20 } });
    expect(await resolvePlace("Qzxqzxqzx nowhere")).toBeNull();
    expect(await resolvePlace("  ")).toBeNull();
  });

  it("sorts the search page by distance from it; an unknown place is said and changes nothing", async () => {
    const hood = await borderEvents(["elvas", "badajoz", "estremoz"]);
    const result = await findEvents("", { where: hood, near: { place: "Badajoz" }, page: 1 });
    expect(result.nearLabel).toBe("Badajoz");
    expect(result.hits.items.map((card) => card.city)).toEqual(["Badajoz", "Elvas", "Estremoz"]);
    const unknown = await findEvents("", { where: hood, near: { place: "Atlantis under the sea" }, page: 1 });
    expect(unknown.unknownPlace).toBe("Atlantis under the sea");
    const plain = await findEvents("", { where: hood, page: 1 });
    expect(unknown.hits.items.map((card) => card.id)).toEqual(plain.hits.items.map((card) => card.id));
  });
});
