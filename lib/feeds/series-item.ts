// One event as an RPDE item: an OpenActive SessionSeries, the parent (superEvent) of its
// sessions' ScheduledSession items. Pure: no database here.
import { activityOf, ageRangeOf, eventStatusOf, eventUrlOf, freeness, imagesOf, isoMinutes, NO_GENDER_RESTRICTION, offerOf, OPENACTIVE_CONTEXT, organizerOf, placeOf, type HostColumns, type OfferColumns, type VenueColumns } from "./openactive";
import type { RpdeItem } from "./rpde";

export const SERIES_KIND = "SessionSeries";

export type SeriesRow = VenueColumns & HostColumns & {
  change_number: bigint;
  id: string;
  deleted: boolean;
  slug: string | null;
  title: string | null;
  summary: string | null;
  description: string | null;
  event_status: string | null;
  image_path: string | null;
  image_alt: string | null;
  activity_id: string | null;
  min_age: number | null;
  max_age: number | null;
  session_count: number | null;
  /** The sessions' span in the venue's time zone; the times only when every session shares them. */
  first_date: string | null;
  last_date: string | null;
  start_time: string | null;
  end_time: string | null;
  duration_minutes: number | null;
  time_zone: string | null;
  /** The event's distinct ticket types (name, price, currency) over its sessions. */
  offers: OfferColumns[] | null;
};

export type SeriesItem = RpdeItem<typeof SERIES_KIND>;

export function toSeriesItem(row: SeriesRow, baseUrl: string): SeriesItem {
  const modified = Number(row.change_number);
  // Drafts are not public, and an event without sessions (only a bookable resource: see the
  // FacilityUse feed) is no series of sessions.
  if (row.deleted || row.event_status === "draft" || !row.slug || !row.session_count) {
    return { state: "deleted", kind: SERIES_KIND, id: row.id, modified };
  }
  const url = eventUrlOf(baseUrl, row.slug);
  const offers = row.offers ?? [];
  return {
    state: "updated",
    kind: SERIES_KIND,
    id: row.id,
    modified,
    data: {
      "@context": OPENACTIVE_CONTEXT,
      "@type": "SessionSeries",
      "@id": url,
      identifier: row.id,
      name: row.title,
      // The storefront keeps descriptions as plain text (no HTML or Markdown to strip).
      description: row.description,
      ...(row.summary ? { disambiguatingDescription: row.summary } : {}),
      url,
      eventStatus: eventStatusOf(row.event_status === "cancelled"),
      // OpenActive asks a series for its subEvents or a schedule. The sessions are ad hoc (no
      // recurrence rule), so this is the schedule's outline; the ScheduledSession feed has them.
      eventSchedule: [
        {
          "@type": "PartialSchedule",
          startDate: row.first_date,
          endDate: row.last_date,
          scheduleTimezone: row.time_zone,
          ...(row.start_time && row.end_time ? { startTime: row.start_time, endTime: row.end_time } : {}),
          ...(row.duration_minutes ? { duration: isoMinutes(row.duration_minutes) } : {}),
        },
      ],
      organizer: organizerOf(row, baseUrl),
      location: placeOf(row, baseUrl),
      ...activityOf(row.activity_id),
      ...ageRangeOf(row.min_age, row.max_age),
      ...imagesOf(row.image_path, row.image_alt, baseUrl),
      ...NO_GENDER_RESTRICTION,
      offers: offers.map((offer) => offerOf(offer, url, row)),
      ...freeness(offers),
    },
  };
}
