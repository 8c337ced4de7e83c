import "server-only";
import { prisma } from "@/lib/db";

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Fixed-window counter in PostgreSQL, so every app instance shares the same count.
 * One statement: the upsert both records the attempt and returns the window's total.
 */
export async function consumeRateLimit(key: string, limit: number, windowSeconds: number): Promise<RateLimitResult> {
  const rows = await prisma.$queryRaw<{ count: number; window_start: Date }[]>`
    INSERT INTO rate_limit_hits (key, window_start, count)
    VALUES (${key}, to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}) * ${windowSeconds}), 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limit_hits.count + 1
    RETURNING count, window_start`;
  const { count, window_start } = rows[0];
  const retryAfterSeconds = Math.max(1, Math.ceil((window_start.getTime() + windowSeconds * 1000 - Date.now()) / 1000));
  return { allowed: count <= limit, retryAfterSeconds };
}

/** Old windows are useless; the job worker calls this now and then. */
export async function pruneRateLimits(): Promise<number> {
  return prisma.$executeRaw`DELETE FROM rate_limit_hits WHERE window_start < now() - interval '1 day'`;
}
