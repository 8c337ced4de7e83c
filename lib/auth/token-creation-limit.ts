import "server-only";
import { rateLimitedProblem } from "@/lib/http/problem";
import { consumeRateLimit, type RateLimitResult } from "./rate-limit";

export const TOKEN_CREATE_LIMITS = { perUser: 10, windowSeconds: 3600 } as const;

/** One token creation, counted per user (the account page and the API share the count). */
export function consumeTokenCreation(userId: string): Promise<RateLimitResult> {
  return consumeRateLimit(`api-token-create:user:${userId}`, TOKEN_CREATE_LIMITS.perUser, TOKEN_CREATE_LIMITS.windowSeconds);
}

/** null when the user may create a token now, else the 429 to answer (with Retry-After). */
export async function limitTokenCreation(userId: string): Promise<Response | null> {
  const result = await consumeTokenCreation(userId);
  return result.allowed ? null : rateLimitedProblem(result.retryAfterSeconds, "new tokens");
}
