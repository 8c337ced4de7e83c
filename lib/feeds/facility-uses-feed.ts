import "server-only";
import { prisma } from "@/lib/db";
import { toFacilityUseItem, toSlotItem, type FacilityUseRow, type SlotRow } from "./facility-use-item";
import { DEFAULT_FEED_LIMIT, type FeedParams } from "./feed-params";
import { rpdePage, type RpdePage } from "./rpde";
import { HOST_COLUMNS, VENUE_COLUMNS } from "./venue-columns";

export const FACILITY_USES_FEED_PATH = "/api/feeds/facility-uses";
export const SLOTS_FEED_PATH = "/api/feeds/slots";

type PageOptions = { params: FeedParams; baseUrl: string; currentUrl: string };

/** One page of the FacilityUse feed: the bookable resources (one query). */
export async function readFacilityUsesFeedPage(options: PageOptions): Promise<RpdePage> {
  const { params, baseUrl } = options;
  const rows = await prisma.$queryRaw<FacilityUseRow[]>`
    WITH page AS (
      SELECT f.resource_id, f.change_number, f.deleted_at
        FROM facility_use_feed_items f
       WHERE f.change_number > ${BigInt(params.afterChangeNumber ?? 0)}
       ORDER BY f.change_number
       LIMIT ${params.limit ?? DEFAULT_FEED_LIMIT}
    )
    SELECT p.change_number, p.resource_id AS id, r.id IS NULL AS deleted,
           r.name, r.opens_minute, r.closes_minute, r.slot_minutes, r.min_minutes, r.max_minutes,
           r.price_minor_per_slot, r.currency,
           e.id AS event_id, e.slug, e.title, e.description, e.status::text AS event_status, e.image_path, e.image_alt,
           e.activity_id::text AS activity_id,
           ${VENUE_COLUMNS}, ${HOST_COLUMNS}
      FROM page p
      LEFT JOIN resources r ON r.id = p.resource_id AND p.deleted_at IS NULL
      LEFT JOIN events e ON e.id = r.event_id
      LEFT JOIN venues v ON v.id = r.venue_id
      LEFT JOIN hosts h ON h.id = e.host_id
     ORDER BY p.change_number`;
  return rpdePage({ items: rows.map((row) => toFacilityUseItem(row, baseUrl)), baseUrl, path: FACILITY_USES_FEED_PATH, currentUrl: options.currentUrl, limit: params.limit });
}

/**
 * One page of the Slot feed. Slots are kept for a rolling horizon (14 days): before the page
 * is read, resources whose horizon is a day short get their new slots (a cheap look when
 * none is due; the new slots take numbers under the feed lock like any other change).
 */
export async function readSlotsFeedPage(options: PageOptions): Promise<RpdePage> {
  const { params, baseUrl } = options;
  await prisma.$queryRaw`SELECT feed_extend_slot_horizons()`;
  const rows = await prisma.$queryRaw<SlotRow[]>`
    WITH page AS (
      SELECT f.id, f.resource_id, f.starts_at, f.ends_at, f.remaining, f.change_number, f.deleted_at
        FROM slot_feed_items f
       WHERE f.change_number > ${BigInt(params.afterChangeNumber ?? 0)}
       ORDER BY f.change_number
       LIMIT ${params.limit ?? DEFAULT_FEED_LIMIT}
    )
    SELECT p.change_number, p.id, p.resource_id, (p.deleted_at IS NOT NULL OR r.id IS NULL) AS deleted,
           p.starts_at, p.ends_at, p.remaining,
           r.slot_minutes, r.min_minutes, r.price_minor_per_slot, r.currency,
           e.slug, e.status::text AS event_status
      FROM page p
      LEFT JOIN resources r ON r.id = p.resource_id
      LEFT JOIN events e ON e.id = r.event_id
     ORDER BY p.change_number`;
  return rpdePage({ items: rows.map((row) => toSlotItem(row, baseUrl)), baseUrl, path: SLOTS_FEED_PATH, currentUrl: options.currentUrl, limit: params.limit });
}
