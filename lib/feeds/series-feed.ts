import "server-only";
import { lagTolerantRead } from "@/lib/db/read-replica";
import { DEFAULT_FEED_LIMIT, type FeedParams } from "./feed-params";
import { rpdePage, type RpdePage } from "./rpde";
import { toSeriesItem, type SeriesRow } from "./series-item";
import { HOST_COLUMNS, VENUE_COLUMNS } from "./venue-columns";

export const SERIES_FEED_PATH = "/api/feeds/session-series";

/** One page of the SessionSeries feed (one query; see readSessionsFeedPage for the rules). */
export async function readSeriesFeedPage(options: { params: FeedParams; baseUrl: string; currentUrl: string }): Promise<RpdePage> {
  const { params, baseUrl } = options;
  const rows = await lagTolerantRead((db) => db.$queryRaw<SeriesRow[]>`
    WITH page AS (
      SELECT f.event_id, f.change_number, f.deleted_at
        FROM series_feed_items f
       WHERE f.change_number > ${BigInt(params.afterChangeNumber ?? 0)}
       ORDER BY f.change_number
       LIMIT ${params.limit ?? DEFAULT_FEED_LIMIT}
    )
    SELECT p.change_number, p.event_id AS id, e.id IS NULL AS deleted,
           e.slug, e.title, e.summary, e.description, e.status::text AS event_status, e.image_path, e.image_alt,
           e.activity_id::text AS activity_id, e.min_age::int AS min_age, e.max_age::int AS max_age,
           sched.session_count, sched.first_date, sched.last_date, sched.duration_minutes, v.time_zone,
           CASE WHEN sched.start_times = 1 AND sched.end_times = 1 THEN sched.start_time END AS start_time,
           CASE WHEN sched.start_times = 1 AND sched.end_times = 1 THEN sched.end_time END AS end_time,
           ${VENUE_COLUMNS}, ${HOST_COLUMNS},
           (SELECT json_agg(json_build_object('id', o.id, 'name', o.name, 'description', o.description,
                                              'price_minor', o.price_minor, 'currency', o.currency)
                            ORDER BY o.price_minor, o.name)
              FROM (SELECT DISTINCT ON (tt.name, tt.price_minor, tt.currency) tt.*
                      FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id
                     WHERE s.event_id = e.id AND NOT tt.hidden
                     ORDER BY tt.name, tt.price_minor, tt.currency, tt.sort_order, tt.id) o) AS offers
      FROM page p
      LEFT JOIN events e ON e.id = p.event_id AND p.deleted_at IS NULL
      LEFT JOIN venues v ON v.id = e.venue_id
      LEFT JOIN hosts h ON h.id = e.host_id
      LEFT JOIN LATERAL (
        SELECT count(*)::int AS session_count,
               to_char(min(s.starts_at AT TIME ZONE v.time_zone), 'YYYY-MM-DD') AS first_date,
               to_char(max(s.starts_at AT TIME ZONE v.time_zone), 'YYYY-MM-DD') AS last_date,
               count(DISTINCT to_char(s.starts_at AT TIME ZONE v.time_zone, 'HH24:MI'))::int AS start_times,
               count(DISTINCT to_char(s.ends_at AT TIME ZONE v.time_zone, 'HH24:MI'))::int AS end_times,
               min(to_char(s.starts_at AT TIME ZONE v.time_zone, 'HH24:MI')) AS start_time,
               min(to_char(s.ends_at AT TIME ZONE v.time_zone, 'HH24:MI')) AS end_time,
               CASE WHEN count(DISTINCT s.ends_at - s.starts_at) = 1
                    THEN (extract(epoch FROM min(s.ends_at - s.starts_at)) / 60)::int END AS duration_minutes
          FROM event_sessions s WHERE s.event_id = e.id
      ) sched ON true
     ORDER BY p.change_number`);
  return rpdePage({ items: rows.map((row) => toSeriesItem(row, baseUrl)), baseUrl, path: SERIES_FEED_PATH, currentUrl: options.currentUrl, limit: params.limit });
}
