// The OpenActive RPDE feeds this app publishes (pure, for the dataset site, the validate
// script and the routes). lib/feeds/feeds.ts pairs each with the function that reads it.

export type FeedEntry = { key: "sessionSeries" | "sessions" | "facilityUses" | "slots"; name: string; path: string; kind: string; title: string; description: string };

export const FEED_CATALOGUE: readonly FeedEntry[] = [
  { key: "sessionSeries", name: "feeds_session_series", path: "/api/feeds/session-series", kind: "SessionSeries", title: "Events (SessionSeries)", description: "Each event with its organiser, venue (a Place with address and coordinates), offers, activity and age range." },
  { key: "sessions", name: "feeds_sessions", path: "/api/feeds/sessions", kind: "ScheduledSession", title: "Sessions (ScheduledSession)", description: "Each dated session with its remaining places, pointing at its SessionSeries by @id." },
  { key: "facilityUses", name: "feeds_facility_uses", path: "/api/feeds/facility-uses", kind: "FacilityUse", title: "Bookable experiences (FacilityUse)", description: "Each private guide, boat or workshop table that is booked by the hour, with its opening hours." },
  { key: "slots", name: "feeds_slots", path: "/api/feeds/slots", kind: "FacilityUse/Slot", title: "Bookable slots (Slot)", description: "The shortest booking at each start over the next 14 days, with remainingUses updated at every booking, release and cancellation." },
];
