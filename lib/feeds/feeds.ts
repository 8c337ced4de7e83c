import "server-only";
import { FEED_CATALOGUE, type FeedEntry } from "./catalogue";
import { readFacilityUsesFeedPage, readSlotsFeedPage } from "./facility-uses-feed";
import type { FeedParams } from "./feed-params";
import type { RpdePage } from "./rpde";
import { readSeriesFeedPage } from "./series-feed";
import { readSessionsFeedPage } from "./sessions-feed";

export type FeedDefinition = FeedEntry & {
  read: (options: { params: FeedParams; baseUrl: string; currentUrl: string }) => Promise<RpdePage>;
};

const READERS: Record<FeedEntry["key"], FeedDefinition["read"]> = {
  sessionSeries: readSeriesFeedPage,
  sessions: readSessionsFeedPage,
  facilityUses: readFacilityUsesFeedPage,
  slots: readSlotsFeedPage,
};

/** Every OpenActive RPDE feed this app publishes, with its reader. */
export const FEED_LIST: FeedDefinition[] = FEED_CATALOGUE.map((entry) => ({ ...entry, read: READERS[entry.key] }));
export const FEEDS = Object.fromEntries(FEED_LIST.map((feed) => [feed.key, feed])) as Record<FeedEntry["key"], FeedDefinition>;
