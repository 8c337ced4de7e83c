import "server-only";
import { prisma, sql } from "@/lib/db";

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };
export type RateLimitRule = { key: string; limit: number; windowSeconds: number };

/**
 * Fixed-window counters in PostgreSQL, so every app instance shares the same count.
 * ONE statement for any number of counters: the upsert both records the attempt and
 * returns each window's total. Rows are written in key order, so two requests touching
 * the same counters never deadlock.
 */
export async function consumeRateLimits(rules: RateLimitRule[]): Promise<RateLimitResult[]> {
  const sorted = [...rules].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rows = await sql<{ key: string; count: number; window_start: Date }>`
    INSERT INTO rate_limit_hits (key, window_start, count)
    SELECT r.key, to_timestamp(floor(extract(epoch FROM now()) / r.seconds) * r.seconds), 1
      FROM unnest(${sorted.map((rule) => rule.key)}::text[], ${sorted.map((rule) => rule.windowSeconds)}::int[]) WITH ORDINALITY AS r(key, seconds, position)
     ORDER BY r.position
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_hits.count + 1
    RETURNING key, count, window_start`;
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return rules.map((rule) => {
    const { count, window_start } = byKey.get(rule.key)!;
    const retryAfterSeconds = Math.max(1, Math.ceil((window_start.getTime() + rule.windowSeconds * 1000 - Date.now()) / 1000));
    return { allowed: count <= rule.limit, retryAfterSeconds };
  });
}

export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const [result] = await consumeRateLimits([{ key, limit, windowSeconds }]);
  return result;
}

/** Old windows are useless; the job worker calls this now and then. */
export async function pruneRateLimits(): Promise<number> {
  return prisma.$executeRaw`DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 day'`;
}
