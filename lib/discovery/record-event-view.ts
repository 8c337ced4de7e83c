import "server-only";
import { prisma } from "@/lib/db";

/** Views kept per account: enough for "For you" (it reads the latest 40 signals), no archive. */
export const MAX_ACCOUNT_VIEWS = 50;

/**
 * Remembers that a signed-in buyer looked at an event, only while their "For you" setting is
 * on (read FOR SHARE: see personal-picks.ts for the race with turning it off), and only for a
 * published event; keeps the latest view per event and the latest MAX_ACCOUNT_VIEWS events.
 * Returns whether a view was recorded.
 */
export async function recordEventView(userId: string, eventId: string, now = new Date()): Promise<boolean> {
  const [recorded] = await prisma.$transaction([
    prisma.$executeRaw`
      INSERT INTO event_views (user_id, event_id, viewed_at)
      SELECT u.id, e.id, ${now}::timestamptz
        FROM users u, events e
       WHERE u.id = ${userId}::uuid AND u.personal_picks AND e.id = ${eventId}::uuid AND e.status = 'published'
         FOR SHARE OF u
      ON CONFLICT (user_id, event_id) DO UPDATE SET viewed_at = greatest(event_views.viewed_at, EXCLUDED.viewed_at)`,
    prisma.$executeRaw`
      DELETE FROM event_views v
       WHERE v.user_id = ${userId}::uuid
         AND v.event_id NOT IN (SELECT k.event_id FROM event_views k WHERE k.user_id = ${userId}::uuid
                                 ORDER BY k.viewed_at DESC, k.event_id LIMIT ${MAX_ACCOUNT_VIEWS})`,
  ]);
  return recorded > 0;
}
