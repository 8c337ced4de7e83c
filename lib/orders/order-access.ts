import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { authSecret } from "@/lib/env";
import { prisma, sql } from "@/lib/db";
import { isUuid } from "@/lib/ids";

// A private link to an order: whoever holds it sees the order, its tickets and their PDF,
// without an account (issue 27: a buyer is an email). The token is 256 random bits; only its
// SHA-256 is stored (order_access_tokens), so the table alone opens nothing. An order can
// have several (the confirmation's, the delivery email's); revoking one leaves the others.

export const ACCESS_PARAM = "access";
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashAccessToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new token and the hash to keep. */
export function newAccessToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashAccessToken(token) };
}

/** Does `token` open order `orderId` (a kept, unrevoked link of that order)? */
export async function hasOrderAccess(orderId: string, token: string | null | undefined): Promise<boolean> {
  if (!token || !TOKEN_SHAPE.test(token) || !isUuid(orderId)) return false;
  const rows = await sql<{ found: boolean }>`
    SELECT true AS found FROM order_access_tokens WHERE order_id = ${orderId}::uuid AND token_hash = ${hashAccessToken(token)} AND revoked_at IS NULL`;
  return rows.length > 0;
}

/** A new private link to an order (a replayed API answer's): kept as its hash, returned once. */
export async function issueAccessToken(orderId: string): Promise<string> {
  const access = newAccessToken();
  await sql`INSERT INTO order_access_tokens (order_id, token_hash) VALUES (${orderId}::uuid, ${access.hash})`;
  return access.token;
}

/**
 * The link the delivery email carries: the same token on every attempt of the job (derived from
 * the order and a key of its own, so the email is the same email), kept like any other.
 */
export async function deliveryAccessToken(orderId: string): Promise<string> {
  const key = createHmac("sha256", authSecret()).update("local-tickets:order-access:delivery:v1").digest();
  const token = createHmac("sha256", key).update(orderId.toLowerCase()).digest("base64url");
  await prisma.$executeRaw`
    INSERT INTO order_access_tokens (order_id, token_hash) VALUES (${orderId}::uuid, ${hashAccessToken(token)})
    ON CONFLICT (token_hash) DO NOTHING`;
  return token;
}

/** An order's page (or another path of it) opened with a private link. */
export function withAccess(path: string, token: string | null | undefined): string {
  if (!token) return path;
  return `${path}${path.includes("?") ? "&" : "?"}${ACCESS_PARAM}=${encodeURIComponent(token)}`;
}

/** Who asks to act on an order (pay it, come back to its checkout): a signed-in user, a private link's holder, or both. */
export type OrderCaller = { userId: string | null; accessToken: string | null };

/** The order's own buyer: its account, or whoever holds one of its private links (a guest). */
export async function isOrderBuyer(order: { id: string; userId: string | null }, caller: OrderCaller): Promise<boolean> {
  if (caller.userId !== null && order.userId === caller.userId) return true;
  return hasOrderAccess(order.id, caller.accessToken);
}
