// City and venue pages' data and the sitemap, against the real database.
import { describe, expect, it } from "vitest";
import { sitemapEntries } from "@/lib/catalog/sitemap";
import { createCatalogEvent, uniqueWord } from "@/tests/catalog-fixtures";
import { citySlug } from "./city-slug";
import { getCityBySlug, getPublicVenue, listCities, listCityVenues, listPlaceEvents } from "./places";

const DAY = 86_400_000;

describe("city and venue pages", () => {
  it("list a city's and a venue's on-sale events; a place without a published event is no page", async () => {
    const city = uniqueWord("Vila");
    const soon = new Date(Date.now() + 2 * DAY);
    const first = await createCatalogEvent({ title: "Later gig", city, latitude: 38.7, longitude: -9.1, country: "PT", sessions: [{ startsAt: new Date(Date.now() + 5 * DAY) }] });
    await createCatalogEvent({ title: "Sooner gig", city, sessions: [{ startsAt: soon }] });
    await createCatalogEvent({ title: "Over", city, sessions: [{ startsAt: new Date(Date.now() - 5 * DAY) }] });
    const draft = await createCatalogEvent({ title: "Draft", city: uniqueWord("Hidden"), status: "draft", sessions: [{ startsAt: soon }] });

    const found = await getCityBySlug(citySlug(city));
    expect(found).toMatchObject({ name: city, slug: citySlug(city), venueCount: 3 });
    expect((await listCities()).map((entry) => entry.name)).toContain(city);
    expect(await getCityBySlug(citySlug(draft.venue.city))).toBeNull();
    expect(await getCityBySlug("Not A Slug")).toBeNull();

    const events = await listPlaceEvents({ city });
    expect(events.items.map((card) => card.title)).toEqual(["Sooner gig", "Later gig"]);
    expect(events.total).toBe(2);
    expect((await listCityVenues(city)).map((venue) => venue.id)).toContain(first.venue.id);

    const venue = await getPublicVenue(first.venue.id);
    expect(venue).toMatchObject({ name: first.venue.name, city, citySlug: citySlug(city), latitude: 38.7, country: "PT" });
    expect((await listPlaceEvents({ venueId: first.venue.id })).items.map((card) => card.title)).toEqual(["Later gig"]);
    expect(await getPublicVenue(draft.venue.id)).toBeNull();
    expect(await getPublicVenue("not-a-uuid")).toBeNull();
  });

  it("the sitemap lists every public page in the five languages, and no draft", async () => {
    const city = uniqueWord("Vila");
    const listed = await createCatalogEvent({ title: "Listed", city, sessions: [{ startsAt: new Date(Date.now() + DAY) }] });
    const draft = await createCatalogEvent({ title: "Not yet", city, status: "draft", sessions: [{ startsAt: new Date(Date.now() + DAY) }] });
    const entries = await sitemapEntries("https://tickets.example");
    const urls = new Set(entries.map((entry) => entry.url));
    for (const prefix of ["", "/pt", "/es", "/ca", "/de"]) {
      expect(urls).toContain(`https://tickets.example${prefix}/events/${listed.event.slug}`);
      expect(urls).toContain(`https://tickets.example${prefix}/cities/${citySlug(city)}`);
      expect(urls).toContain(`https://tickets.example${prefix}/venues/${listed.venue.id}`);
      expect(urls).toContain(`https://tickets.example${prefix}/search`);
    }
    expect(urls).toContain("https://tickets.example/");
    expect(urls).toContain("https://tickets.example/de");
    expect([...urls].some((url) => url.includes(draft.event.slug) || url.includes(draft.venue.id))).toBe(false);
    const entry = entries.find((candidate) => candidate.url === `https://tickets.example/ca/events/${listed.event.slug}`);
    expect(entry?.alternates.languages["x-default"]).toBe(`https://tickets.example/events/${listed.event.slug}`);
  });
});
