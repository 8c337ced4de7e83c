import "server-only";
import { FACILITY_USE_KIND, SLOT_KIND } from "./facility-use-item";
import { FACILITY_USES_FEED_PATH, readFacilityUsesFeedPage, readSlotsFeedPage, SLOTS_FEED_PATH } from "./facility-uses-feed";
import type { FeedParams } from "./feed-params";
import type { RpdePage } from "./rpde";
import { readSeriesFeedPage, SERIES_FEED_PATH } from "./series-feed";
import { SERIES_KIND } from "./series-item";
import { FEED_KIND as SESSION_KIND } from "./session-item";
import { FEED_PATH as SESSIONS_FEED_PATH, readSessionsFeedPage } from "./sessions-feed";

export type FeedDefinition = {
  /** Route and metric name, e.g. feeds_sessions. */
  name: string;
  path: string;
  kind: string;
  title: string;
  read: (options: { params: FeedParams; baseUrl: string; currentUrl: string }) => Promise<RpdePage>;
};

/** Every OpenActive RPDE feed this app publishes, as the dataset site lists them. */
export const FEEDS = {
  sessionSeries: { name: "feeds_session_series", path: SERIES_FEED_PATH, kind: SERIES_KIND, title: "Events (session series)", read: readSeriesFeedPage },
  sessions: { name: "feeds_sessions", path: SESSIONS_FEED_PATH, kind: SESSION_KIND, title: "Sessions with remaining places", read: readSessionsFeedPage },
  facilityUses: { name: "feeds_facility_uses", path: FACILITY_USES_FEED_PATH, kind: FACILITY_USE_KIND, title: "Bookable experiences", read: readFacilityUsesFeedPage },
  slots: { name: "feeds_slots", path: SLOTS_FEED_PATH, kind: SLOT_KIND, title: "Bookable slots with remaining uses", read: readSlotsFeedPage },
} satisfies Record<string, FeedDefinition>;

export const FEED_LIST: FeedDefinition[] = Object.values(FEEDS);
