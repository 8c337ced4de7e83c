import { describe, expect, it } from "vitest";
import { parseFeedParams } from "./feed-params";
import { feedDateTime, isoDuration, toFeedItem, type FeedRow } from "./session-item";

const parse = (query: string) => parseFeedParams(new URLSearchParams(query));

describe("parseFeedParams", () => {
  it("reads afterChangeNumber and limit; none means the first page", () => {
    expect(parse("")).toEqual({ ok: true, params: {} });
    expect(parse("afterChangeNumber=0")).toEqual({ ok: true, params: { afterChangeNumber: 0 } });
    expect(parse("afterChangeNumber=123&limit=50&other=1")).toEqual({ ok: true, params: { afterChangeNumber: 123, limit: 50 } });
  });

  it("accepts every position up to 2^53-1, the end-of-feed probe of the OpenActive validator", () => {
    expect(parse("afterChangeNumber=9007199254740991")).toEqual({ ok: true, params: { afterChangeNumber: 9007199254740991 } });
    expect(parse("afterChangeNumber=9007199254740992")).toMatchObject({ ok: false, parameter: "afterChangeNumber" });
  });

  it("refuses the other ordering's parameters and malformed values", () => {
    for (const [query, parameter] of [
      ["afterTimestamp=1", "afterTimestamp"],
      ["afterId=1", "afterId"],
      ["afterChangeNumber=", "afterChangeNumber"],
      ["afterChangeNumber=1e3", "afterChangeNumber"],
      ["afterChangeNumber=9999999999999999", "afterChangeNumber"],
      ["limit=0", "limit"],
      ["limit=501", "limit"],
      ["limit=ten", "limit"],
      ["limit=1&limit=2", "limit"],
    ]) {
      expect(parse(query), query).toMatchObject({ ok: false, parameter });
    }
  });
});

describe("session items", () => {
  it("formats date-times without fractions and durations in ISO 8601", () => {
    expect(feedDateTime(new Date("2026-05-01T19:00:00.000Z"))).toBe("2026-05-01T19:00:00Z");
    const start = new Date("2026-05-01T19:00:00Z");
    expect(isoDuration(start, new Date("2026-05-01T21:00:00Z"))).toBe("PT2H");
    expect(isoDuration(start, new Date("2026-05-01T20:30:00Z"))).toBe("PT1H30M");
    expect(isoDuration(start, new Date("2026-05-01T19:45:00Z"))).toBe("PT45M");
  });

  const row: FeedRow = {
    change_number: 42n,
    id: "s1",
    deleted: false,
    starts_at: new Date("2026-05-01T19:00:00Z"),
    ends_at: new Date("2026-05-01T21:00:00Z"),
    cancelled: false,
    remaining: 3,
    capacity: 10,
    event_id: "e1",
    slug: "jazz",
    title: "Jazz",
    event_status: "published",
    event_venue_id: "v1",
    activity_id: null,
    min_age: null,
    max_age: null,
    venue_id: "v1",
    venue_name: "Hall",
    address: "Rua 1",
    city: "Lisbon",
    postal_code: "1100-148",
    region: "Lisboa",
    country: "PT",
    phone: null,
    venue_url: null,
    latitude: null,
    longitude: null,
    offers: [{ id: "t1", name: "Standard", description: "", price_minor: 1550, currency: "EUR" }],
  };

  it("maps a session to an OpenActive ScheduledSession with absolute URLs and integer modified", () => {
    const item = toFeedItem(row, "https://tickets.example");
    expect(item).toMatchObject({
      state: "updated",
      kind: "ScheduledSession",
      id: "s1",
      modified: 42,
      data: {
        "@context": "https://openactive.io/",
        "@type": "ScheduledSession",
        identifier: "s1",
        startDate: "2026-05-01T19:00:00Z",
        endDate: "2026-05-01T21:00:00Z",
        remainingAttendeeCapacity: 3,
        maximumAttendeeCapacity: 10,
        eventStatus: "https://schema.org/EventScheduled",
        superEvent: "https://tickets.example/events/jazz",
        offers: [{ "@type": "Offer", identifier: "t1", price: 15.5, priceCurrency: "EUR" }],
      },
    });
    expect(item.state === "updated" && item.data.location).toBeUndefined();
    expect(item.state === "updated" && item.data.isAccessibleForFree).toBeUndefined();
  });

  it("carries the activity, ages, a free offer and a location of its own where the session is elsewhere", () => {
    const item = toFeedItem(
      { ...row, activity_id: "95092977-5a20-4d6e-b312-8fddabe71544", min_age: 8, event_venue_id: "v0",
        offers: [...row.offers!, { id: "t2", name: "Child", description: "", price_minor: 0, currency: "EUR" }] },
      "https://tickets.example",
    );
    expect(item).toMatchObject({
      data: {
        activity: [{ "@id": "https://openactive.io/activity-list#95092977-5a20-4d6e-b312-8fddabe71544", prefLabel: "Walking" }],
        ageRange: { "@type": "QuantitativeValue", minValue: 8 },
        isAccessibleForFree: true,
        location: { "@type": "Place", address: { postalCode: "1100-148", addressRegion: "Lisboa", addressCountry: "PT" } },
      },
    });
  });

  it("gives deleted sessions and sessions of draft events no data", () => {
    for (const variant of [{ deleted: true }, { event_status: "draft" }]) {
      expect(toFeedItem({ ...row, ...variant }, "https://tickets.example")).toEqual({ state: "deleted", kind: "ScheduledSession", id: "s1", modified: 42 });
    }
    expect(toFeedItem({ ...row, event_status: "cancelled" }, "https://x").state).toBe("updated");
  });
});
