import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/env";

// The private link to leave the waiting list (issue 29.3): a token derived from the entry's id
// and a key of its own (as the delivery email's order link, lib/orders/order-access.ts), so the
// confirmation email, the API's answer and every retry of the email job carry the same link
// and no token is ever stored; the entry keeps its SHA-256, which is what a leave is checked by.

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function waitlistLeaveToken(entryId: string): string {
  const key = createHmac("sha256", authSecret()).update("local-tickets:waitlist-leave:v1").digest();
  return createHmac("sha256", key).update(entryId.toLowerCase()).digest("base64url");
}

export function hashLeaveToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Does `token` open the entry whose stored hash is `hash`? */
export function leaveTokenMatches(token: string | null | undefined, hash: string): boolean {
  if (!token || !TOKEN_SHAPE.test(token)) return false;
  const given = Buffer.from(hashLeaveToken(token));
  const kept = Buffer.from(hash);
  return given.length === kept.length && timingSafeEqual(given, kept);
}
