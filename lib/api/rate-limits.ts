import "server-only";
import { consumeRateLimits } from "@/lib/auth/rate-limit";
import { clientAddress, clientAddressFromHeaders } from "@/lib/http/client-address";
import { rateLimitedProblem } from "@/lib/http/problem";

/**
 * Purchase attempts per minute. Per user: far above what a person or an app on their behalf
 * needs, low enough that one account cannot sweep an on-sale. Per address: room for a
 * venue's or a campus's shared connection. Replays of an idempotent request do not count.
 */
export const BUY_LIMITS = { perUser: 20, perAddress: 120, windowSeconds: 60 } as const;

/** null when this purchase attempt may go ahead, else the 429 to answer (with Retry-After). */
export async function limitBuying(userId: string, request: Request): Promise<Response | null> {
  const [byUser, byAddress] = await consumeRateLimits([
    { key: `api-buy:user:${userId}`, limit: BUY_LIMITS.perUser, windowSeconds: BUY_LIMITS.windowSeconds },
    { key: `api-buy:ip:${clientAddress(request)}`, limit: BUY_LIMITS.perAddress, windowSeconds: BUY_LIMITS.windowSeconds },
  ]);
  if (byUser.allowed && byAddress.allowed) return null;
  const retryAfter = Math.max(byUser.allowed ? 0 : byUser.retryAfterSeconds, byAddress.allowed ? 0 : byAddress.retryAfterSeconds);
  return rateLimitedProblem(retryAfter, "purchase attempts");
}

/**
 * A guest's purchase attempts from the store's forms: the same allowances as the API's, per
 * email instead of per account, and per address. false when over either.
 */
export async function mayGuestBuy(email: string, headers: Pick<Headers, "get">): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const [byEmail, byAddress] = await consumeRateLimits([
    { key: `web-buy:email:${email}`, limit: BUY_LIMITS.perUser, windowSeconds: BUY_LIMITS.windowSeconds },
    { key: `web-buy:ip:${clientAddressFromHeaders(headers)}`, limit: BUY_LIMITS.perAddress, windowSeconds: BUY_LIMITS.windowSeconds },
  ]);
  return { allowed: byEmail.allowed && byAddress.allowed, retryAfterSeconds: Math.max(byEmail.retryAfterSeconds, byAddress.retryAfterSeconds) };
}

/** The API's purchase attempts of a guest (no token, `buyer` in the body): as an account's, per email instead. */
export async function limitGuestBuying(email: string, request: Request): Promise<Response | null> {
  const limit = await mayGuestBuy(email, request.headers);
  return limit.allowed ? null : rateLimitedProblem(limit.retryAfterSeconds, "purchase attempts");
}
