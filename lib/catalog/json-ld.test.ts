import { describe, expect, it } from "vitest";
import { cityJsonLd, eventJsonLd, venueJsonLd } from "./json-ld";
import type { EventCard, EventDetail } from "./types";

const venue = {
  id: "6f1c1c1e-8a4a-4c3b-9a53-0b7f0d1b2c3d", name: "Sala Llum", address: "Carrer de Verdi 64", city: "Barcelona", neighbourhood: "Gràcia",
  timeZone: "Europe/Madrid", latitude: 41.4036, longitude: 2.1571, postalCode: "08012", region: "Catalonia", country: "ES",
};
const event: EventDetail = {
  id: "0b7f0d1b-2c3d-4c3b-9a53-6f1c1c1e8a4a", slug: "nit-de-jazz", title: "Nit de jazz </script>", summary: "Jazz.", description: "Jazz all night.",
  language: "ca", originalLanguage: "ca", untranslated: false, category: "concert", city: "Barcelona", neighbourhood: "Gràcia",
  imagePath: "/images/events/jazz.webp", imageAlt: "", status: "published", createdAt: new Date("2031-04-01T09:00:00Z"), updatedAt: new Date("2031-04-02T09:00:00Z"),
  host: { slug: "sala-llum-collective", name: "Col·lectiu Sala Llum" },
  venue,
  sessions: [{
    id: "s1", startsAt: new Date("2031-05-20T19:00:00Z"), endsAt: new Date("2031-05-20T21:00:00Z"), remaining: 3, onSale: true,
    ticketTypes: [
      { id: "t1", name: "General", description: "", priceMinor: 1500, currency: "EUR", capacity: 100, remaining: 3, salesStart: null, salesEnd: null, tiers: [], hidden: false },
      { id: "t2", name: "Front row", description: "", priceMinor: 2500, currency: "EUR", capacity: 10, remaining: 0, salesStart: null, salesEnd: null, tiers: [], hidden: false },
    ],
  }],
  resources: [],
  questions: [],
  holderChangeCutoffMinutes: 120,
  cancellation: { kind: "free", cutoffHours: 24, feePercent: 0 },
  meetingPoint: null,
};

describe("eventJsonLd", () => {
  it("has status, attendance mode, offers with availability, price, currency and validFrom, a full address with geo, and the organizer", () => {
    const script = eventJsonLd(event, "https://tickets.example/ca/events/nit-de-jazz", { venueUrl: "https://tickets.example/ca/venues/x" });
    expect(script).not.toContain("</script>");
    const json = JSON.parse(script);
    expect(json).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: "Nit de jazz </script>",
      startDate: "2031-05-20T19:00:00.000Z",
      endDate: "2031-05-20T21:00:00.000Z",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      image: ["https://tickets.example/images/events/jazz.webp"],
      location: {
        "@type": "Place",
        name: "Sala Llum",
        url: "https://tickets.example/ca/venues/x",
        address: { "@type": "PostalAddress", streetAddress: "Carrer de Verdi 64", addressLocality: "Barcelona", postalCode: "08012", addressRegion: "Catalonia", addressCountry: "ES" },
        geo: { "@type": "GeoCoordinates", latitude: 41.4036, longitude: 2.1571 },
      },
      // The host, with its page in the page's language (issue 30).
      organizer: { "@type": "Organization", name: "Col·lectiu Sala Llum", url: "https://tickets.example/ca/hosts/sala-llum-collective" },
    });
    expect(json.offers).toEqual([
      { "@type": "Offer", name: "General", price: "15.00", priceCurrency: "EUR", availability: "https://schema.org/LimitedAvailability", validFrom: "2031-04-01T09:00:00.000Z", validThrough: "2031-05-20T19:00:00.000Z", url: "https://tickets.example/ca/events/nit-de-jazz" },
      { "@type": "Offer", name: "Front row", price: "25.00", priceCurrency: "EUR", availability: "https://schema.org/SoldOut", validFrom: "2031-04-01T09:00:00.000Z", validThrough: "2031-05-20T19:00:00.000Z", url: "https://tickets.example/ca/events/nit-de-jazz" },
    ]);
  });

  it("leaves out what a venue does not have, and marks a cancelled event", () => {
    const bare = { ...event, status: "cancelled" as const, venue: { ...venue, latitude: null, longitude: null, postalCode: null, region: null, country: null } };
    const json = JSON.parse(eventJsonLd(bare, "https://tickets.example/events/x"));
    expect(json.eventStatus).toBe("https://schema.org/EventCancelled");
    expect(json.location).toEqual({ "@type": "Place", name: "Sala Llum", address: { "@type": "PostalAddress", streetAddress: "Carrer de Verdi 64", addressLocality: "Barcelona" } });
  });

  it("gives a bookable experience its price per slot", () => {
    const bookable = { ...event, sessions: [], resources: [{ id: "r", name: "Boat", opensMinute: 540, closesMinute: 1080, slotMinutes: 30, minMinutes: 60, maxMinutes: 120, priceMinorPerSlot: 2000, currency: "EUR" }] };
    const json = JSON.parse(eventJsonLd(bookable, "https://tickets.example/events/x"));
    expect(json.startDate).toBeUndefined();
    expect(json.offers).toEqual([expect.objectContaining({ name: "Boat", price: "20.00", priceCurrency: "EUR" })]);
  });
});

describe("city and venue markup", () => {
  const card: EventCard = {
    id: "e", slug: "nit-de-jazz", title: "Nit de jazz", summary: "", language: "ca", category: "concert", city: "Barcelona", neighbourhood: "Gràcia",
    imagePath: "/images/events/jazz.webp", imageAlt: "", venueName: "Sala Llum", timeZone: "Europe/Madrid", nextStartsAt: new Date("2031-05-20T19:00:00Z"),
    priceFromMinor: 1500, currency: "EUR", remaining: 40, availability: "available", bookable: false,
  };
  const eventUrl = (slug: string) => `https://tickets.example/events/${slug}`;

  it("lists a city's events as an ItemList of Events", () => {
    const json = JSON.parse(cityJsonLd({ city: "Barcelona", url: "https://tickets.example/cities/barcelona", events: [card], eventUrl }));
    expect(json).toMatchObject({ "@type": "ItemList", name: "Barcelona", itemListElement: [{ "@type": "ListItem", position: 1, item: { "@type": "Event", name: "Nit de jazz", url: "https://tickets.example/events/nit-de-jazz", startDate: "2031-05-20T19:00:00.000Z", offers: { "@type": "AggregateOffer", lowPrice: "15.00", priceCurrency: "EUR", availability: "https://schema.org/InStock" } } }] });
  });

  it("describes a venue as a Place with its events", () => {
    const json = JSON.parse(venueJsonLd({ venue, url: "https://tickets.example/venues/v", events: [card], eventUrl }));
    expect(json).toMatchObject({ "@type": "Place", name: "Sala Llum", geo: { latitude: 41.4036 }, address: { postalCode: "08012", addressCountry: "ES" }, event: [{ "@type": "Event", name: "Nit de jazz" }] });
  });
});
