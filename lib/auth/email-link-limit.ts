import "server-only";
import { consumeRateLimits, type RateLimitResult } from "./rate-limit";

/**
 * Account emails (reset links, sign-in links, verifications, sign-up notices) per hour: per
 * address, so one client cannot mail the world, and per recipient, so nobody's inbox can be
 * flooded from many addresses. Both count every request alike, whether or not the email has
 * an account, so a refusal says nothing about it.
 */
export const EMAIL_LINK_LIMIT = { perEmail: 5, perAddress: 20, windowSeconds: 60 * 60 } as const;

export type EmailLinkAllowance = { allowed: boolean; retryAfterSeconds: number; emailAllowed: boolean; addressAllowed: boolean };

/** Counts one account email to `email` asked from `address`. */
export async function consumeEmailLinkLimit(email: string, address: string): Promise<EmailLinkAllowance> {
  const [byEmail, byAddress]: RateLimitResult[] = await consumeRateLimits([
    { key: `email-link:email:${email}`, limit: EMAIL_LINK_LIMIT.perEmail, windowSeconds: EMAIL_LINK_LIMIT.windowSeconds },
    { key: `email-link:ip:${address}`, limit: EMAIL_LINK_LIMIT.perAddress, windowSeconds: EMAIL_LINK_LIMIT.windowSeconds },
  ]);
  const refused = [byEmail, byAddress].filter((result) => !result.allowed);
  return {
    allowed: refused.length === 0,
    retryAfterSeconds: Math.max(0, ...refused.map((result) => result.retryAfterSeconds)),
    emailAllowed: byEmail.allowed,
    addressAllowed: byAddress.allowed,
  };
}
