import "server-only";
import { lagTolerantRead } from "@/lib/db/read-replica";
import { DEFAULT_FEED_LIMIT, type FeedParams } from "./feed-params";
import { FEED_CACHE_CONTROL, feedNextUrl, rpdePage, type RpdePage } from "./rpde";
import { toFeedItem, type FeedItem, type FeedRow } from "./session-item";
import { VENUE_COLUMNS } from "./venue-columns";

export { FEED_CACHE_CONTROL };
export const FEED_PATH = "/api/feeds/sessions";

export type FeedPage = RpdePage<FeedItem["kind"]>;

/**
 * One page of the RPDE feed of sessions, ordered by change number:
 *   WHERE change_number > @afterChangeNumber ORDER BY change_number
 * Change numbers are drawn at commit under the feed lock (docs/decisions/0003-rpde-feed.md),
 * so no transaction can commit an item below a position a reader has already passed.
 *
 * ONE query produces the items and `next` comes from its last row (RPDE: never a second
 * query). With no items, `next` is this page's own URL: that is the last page.
 * Read from the replica when there is one: a standby replays commits in commit order, so
 * the rule above holds there too (it may only end a little earlier).
 */
export async function readSessionsFeedPage(options: {
  params: FeedParams;
  baseUrl: string;
  /** This page's own URL (path and query), returned as `next` when there are no items. */
  currentUrl: string;
}): Promise<FeedPage> {
  const { params, baseUrl } = options;
  const after = BigInt(params.afterChangeNumber ?? 0);
  const limit = params.limit ?? DEFAULT_FEED_LIMIT;
  const rows = await lagTolerantRead((db) => db.$queryRaw<FeedRow[]>`
    WITH page AS (
      SELECT f.session_id, f.change_number, f.deleted_at
        FROM session_feed_items f
       WHERE f.change_number > ${after}
       ORDER BY f.change_number
       LIMIT ${limit}
    )
    SELECT p.change_number, p.session_id AS id, s.id IS NULL AS deleted,
           s.starts_at, s.ends_at, s.cancelled, session_available(s.id) AS remaining,
           (SELECT coalesce(sum(tt.capacity), 0)::int FROM ticket_types tt WHERE tt.session_id = s.id) AS capacity,
           e.id AS event_id, e.slug, e.title, e.status::text AS event_status, e.venue_id AS event_venue_id,
           e.activity_id::text AS activity_id, e.min_age::int AS min_age, e.max_age::int AS max_age,
           ${VENUE_COLUMNS},
           (SELECT json_agg(json_build_object('id', tt.id, 'name', tt.name, 'description', tt.description,
                                              'price_minor', tt.price_minor, 'currency', tt.currency,
                                              'sales_start_minutes_before', floor(extract(epoch FROM s.starts_at - tt.sales_start) / 60),
                                              'sales_end_minutes_before', floor(extract(epoch FROM s.starts_at - tt.sales_end) / 60))
                            ORDER BY tt.sort_order, tt.id)
              FROM ticket_types tt WHERE tt.session_id = s.id AND NOT tt.hidden) AS offers
      FROM page p
      LEFT JOIN event_sessions s ON s.id = p.session_id AND p.deleted_at IS NULL
      LEFT JOIN events e ON e.id = s.event_id
      LEFT JOIN venues v ON v.id = s.venue_id
     ORDER BY p.change_number`);
  return rpdePage({ items: rows.map((row) => toFeedItem(row, baseUrl)), baseUrl, path: FEED_PATH, currentUrl: options.currentUrl, limit: params.limit });
}

export function nextPageUrl(baseUrl: string, afterChangeNumber: number, limit?: number): string {
  return feedNextUrl(baseUrl, FEED_PATH, afterChangeNumber, limit);
}
