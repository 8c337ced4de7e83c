import "server-only";
import { consumeRateLimit, consumeRateLimits, type RateLimitResult } from "@/lib/auth/rate-limit";
import { clientAddress } from "./http";
import { problemResponse } from "./problem";

/**
 * Purchase attempts per minute. Per user: far above what a person or an app on their behalf
 * needs, low enough that one account cannot sweep an on-sale. Per address: room for a
 * venue's or a campus's shared connection. Replays of an idempotent request do not count.
 */
export const BUY_LIMITS = { perUser: 20, perAddress: 120, windowSeconds: 60 } as const;
export const TOKEN_CREATE_LIMITS = { perUser: 10, windowSeconds: 3600 } as const;

function limited(retryAfterSeconds: number, what: string): Response {
  return problemResponse("rate_limited", {
    detail: `Too many ${what}. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
    retryAfterSeconds,
  });
}

/** null when this purchase attempt may go ahead, else the 429 to answer (with Retry-After). */
export async function limitBuying(userId: string, request: Request): Promise<Response | null> {
  const [byUser, byAddress] = await consumeRateLimits([
    { key: `api-buy:user:${userId}`, limit: BUY_LIMITS.perUser, windowSeconds: BUY_LIMITS.windowSeconds },
    { key: `api-buy:ip:${clientAddress(request)}`, limit: BUY_LIMITS.perAddress, windowSeconds: BUY_LIMITS.windowSeconds },
  ]);
  if (byUser.allowed && byAddress.allowed) return null;
  const retryAfter = Math.max(byUser.allowed ? 0 : byUser.retryAfterSeconds, byAddress.allowed ? 0 : byAddress.retryAfterSeconds);
  return limited(retryAfter, "purchase attempts");
}

/** One token creation, counted per user (the account page and the API share the count). */
export function consumeTokenCreation(userId: string): Promise<RateLimitResult> {
  return consumeRateLimit(`api-token-create:user:${userId}`, TOKEN_CREATE_LIMITS.perUser, TOKEN_CREATE_LIMITS.windowSeconds);
}

export async function limitTokenCreation(userId: string): Promise<Response | null> {
  const result = await consumeTokenCreation(userId);
  return result.allowed ? null : limited(result.retryAfterSeconds, "new tokens");
}
