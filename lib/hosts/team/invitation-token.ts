import "server-only";
import { createHmac } from "node:crypto";
import { hashEmailToken } from "@/lib/auth/email-tokens";
import { authSecret } from "@/lib/env";

// An invitation's link (docs/decisions/0022): the token is derived from the invitation's id and
// a key of its own (as the waiting list's leave link), so every retry of the email job carries
// the same link and no token is stored; the row keeps its SHA-256 (the email links' hash), which
// is what the link is looked up by. A copy of the database opens no invitation.

/** How long an invitation can be accepted. */
export const INVITATION_DAYS = 7;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function invitationToken(invitationId: string): string {
  const key = createHmac("sha256", authSecret()).update("local-tickets:host-invitation:v1").digest();
  return createHmac("sha256", key).update(invitationId.toLowerCase()).digest("base64url");
}

/** The stored hash of a token from a link, or null for anything that cannot be one (never looked up). */
export function invitationTokenHash(token: unknown): string | null {
  return typeof token === "string" && TOKEN_SHAPE.test(token) ? hashEmailToken(token) : null;
}
