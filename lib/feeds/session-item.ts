// One session as an RPDE item: an OpenActive ScheduledSession whose superEvent is the @id of
// its event's SessionSeries (lib/feeds/series-item.ts). Pure: no database here.
import { activityOf, ageRangeOf, eventStatusOf, eventUrlOf, feedDateTime, freeness, isoDuration, offerOf, OPENACTIVE_CONTEXT, placeOf, type OfferColumns, type VenueColumns } from "./openactive";
import type { RpdeItem } from "./rpde";

export { FEED_LICENSE } from "./rpde";
export { feedDateTime, isoDuration } from "./openactive";

export const FEED_KIND = "ScheduledSession";

export type FeedOffer = OfferColumns;

/** One row of the feed query (lib/feeds/sessions-feed.ts); the data columns are null for deleted items. */
export type FeedRow = VenueColumns & {
  change_number: bigint;
  id: string;
  deleted: boolean;
  starts_at: Date | null;
  ends_at: Date | null;
  cancelled: boolean | null;
  remaining: number | null;
  capacity: number | null;
  event_id: string | null;
  slug: string | null;
  title: string | null;
  event_status: string | null;
  /** The event's own venue: a session elsewhere carries its own location. */
  event_venue_id: string | null;
  activity_id: string | null;
  min_age: number | null;
  max_age: number | null;
  offers: FeedOffer[] | null;
};

export type FeedItem = RpdeItem<typeof FEED_KIND>;

export function toFeedItem(row: FeedRow, baseUrl: string): FeedItem {
  const modified = Number(row.change_number);
  // A session of a draft event is not public: it is "deleted" until the event is published,
  // so a consumer that saw it before the event was unpublished removes it.
  if (row.deleted || row.event_status === "draft" || !row.starts_at || !row.ends_at || !row.slug) {
    return { state: "deleted", kind: FEED_KIND, id: row.id, modified };
  }
  const eventUrl = eventUrlOf(baseUrl, row.slug);
  const cancelled = row.cancelled === true || row.event_status === "cancelled";
  const offers = row.offers ?? [];
  return {
    state: "updated",
    kind: FEED_KIND,
    id: row.id,
    modified,
    data: {
      "@context": OPENACTIVE_CONTEXT,
      "@type": "ScheduledSession",
      "@id": `${eventUrl}#session-${row.id}`,
      identifier: row.id,
      url: eventUrl,
      superEvent: eventUrl,
      startDate: feedDateTime(row.starts_at),
      endDate: feedDateTime(row.ends_at),
      duration: isoDuration(row.starts_at, row.ends_at),
      eventStatus: eventStatusOf(cancelled),
      remainingAttendeeCapacity: row.remaining ?? 0,
      maximumAttendeeCapacity: row.capacity ?? 0,
      ...(row.venue_id && row.venue_id !== row.event_venue_id ? { location: placeOf(row, baseUrl) } : {}),
      ...activityOf(row.activity_id),
      ...ageRangeOf(row.min_age, row.max_age),
      offers: offers.map((offer) => offerOf(offer, eventUrl, row)),
      ...freeness(offers),
    },
  };
}
