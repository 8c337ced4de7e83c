import "server-only";
import { prisma } from "@/lib/db";

/** RPDE 1.0: a deleted item stays in the feed at least 7 days after its deletion. */
export const MIN_TOMBSTONE_DAYS = 7;

/**
 * Removes tombstones deleted more than `olderThanDays` ago (never fewer than 7) from every
 * feed (sessions, series, facility uses, slots). Not wired to a timer yet: tombstones are
 * small, and keeping them longer is always allowed.
 */
export async function pruneFeedTombstones(options: { olderThanDays?: number } = {}): Promise<number> {
  const days = Math.max(MIN_TOMBSTONE_DAYS, options.olderThanDays ?? 30);
  const counts = await prisma.$transaction([
    prisma.$executeRaw`DELETE FROM session_feed_items WHERE deleted_at IS NOT NULL AND deleted_at < now() - make_interval(days => ${days})`,
    prisma.$executeRaw`DELETE FROM series_feed_items WHERE deleted_at IS NOT NULL AND deleted_at < now() - make_interval(days => ${days})`,
    prisma.$executeRaw`DELETE FROM facility_use_feed_items WHERE deleted_at IS NOT NULL AND deleted_at < now() - make_interval(days => ${days})`,
    prisma.$executeRaw`DELETE FROM slot_feed_items WHERE deleted_at IS NOT NULL AND deleted_at < now() - make_interval(days => ${days})`,
  ]);
  return counts.reduce((sum, count) => sum + count, 0);
}
