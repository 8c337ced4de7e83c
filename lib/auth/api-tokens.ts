import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { isUuid } from "@/lib/ids";
import { API_TOKEN_SCOPES, canUseTokenScope, type ApiTokenScope } from "./policy";
import type { SessionUser } from "./users";

export { API_TOKEN_SCOPES, type ApiTokenScope } from "./policy";

// `lt_` + 32 random bytes (256 bits) in base64url. The prefix lets secret scanners and our
// own log scrubber recognise a leaked token; only its SHA-256 is stored (a fast hash is
// right here: the secret is random, not a password, so there is nothing to brute-force).
const TOKEN_PREFIX = "lt_";
const TOKEN_SHAPE = /^lt_[A-Za-z0-9_-]{43}$/;
export const MAX_ACTIVE_TOKENS = 20;
/** Writing last_used_at on every request would make one busy token a hot row. */
const LAST_USED_RESOLUTION_SECONDS = 60;

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

export const ZCreateApiToken = z.strictObject({
  name: z.string({ error: "Give the token a name" }).trim().min(1, "Give the token a name").max(100, "Use at most 100 characters"),
  scope: z.enum(API_TOKEN_SCOPES, { error: "Choose read, write or check_in" }).default("write").describe("read: only reads; write: may also buy and pay; check_in: only checks tickets in at the door"),
  expiresInDays: z.coerce
    .number({ error: "Give a number of days" })
    .int("Give a whole number of days")
    .min(1, "At least 1 day")
    .max(MAX_TOKEN_DAYS, `At most ${MAX_TOKEN_DAYS} days`)
    .default(DEFAULT_TOKEN_DAYS)
    .describe("Days until the token stops working"),
});
export type CreateApiTokenInput = z.input<typeof ZCreateApiToken>;

export type ApiTokenView = {
  id: string;
  name: string;
  /** The last four characters of the secret, to tell tokens apart. */
  hint: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  scope: ApiTokenScope;
  /** After this the token is refused like a revoked one. */
  expiresAt: Date;
};

/** A token as JSON (the API's answers and the account page's client component). */
export function apiTokenJson(token: ApiTokenView) {
  return {
    id: token.id,
    name: token.name,
    hint: token.hint,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    scope: token.scope,
    expiresAt: token.expiresAt.toISOString(),
  };
}
export type ApiTokenJson = ReturnType<typeof apiTokenJson>;

export type CreateApiTokenResult =
  | { ok: true; token: ApiTokenView; secret: string }
  | { ok: false; code: "too_many_tokens"; message: string };

export function hashApiToken(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

const VIEW = { id: true, name: true, tokenHint: true, createdAt: true, lastUsedAt: true, revokedAt: true, scope: true, expiresAt: true } as const;

function toView(row: { id: string; name: string; tokenHint: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; scope: ApiTokenScope; expiresAt: Date }): ApiTokenView {
  return { id: row.id, name: row.name, hint: row.tokenHint, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, revokedAt: row.revokedAt, scope: row.scope, expiresAt: row.expiresAt };
}

/** A new token for `userId`. The secret is in the result and nowhere else, ever. */
export async function createApiToken(options: { userId: string; input: CreateApiTokenInput }): Promise<CreateApiTokenResult> {
  const input = ZCreateApiToken.parse(options.input);
  const active = await prisma.apiToken.count({ where: { userId: options.userId, revokedAt: null, expiresAt: { gt: new Date() } } });
  if (active >= MAX_ACTIVE_TOKENS) {
    return { ok: false, code: "too_many_tokens", message: `You can have at most ${MAX_ACTIVE_TOKENS} active tokens. Revoke one you no longer use.` };
  }
  const secret = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await prisma.apiToken.create({
    data: {
      userId: options.userId,
      name: input.name,
      tokenHash: hashApiToken(secret),
      tokenHint: secret.slice(-4),
      scope: input.scope,
      expiresAt: new Date(Date.now() + input.expiresInDays * 24 * 60 * 60 * 1000),
    },
    select: VIEW,
  });
  return { ok: true, token: toView(row), secret };
}

/** The user's tokens, newest first, revoked ones included (marked). */
export async function listApiTokens(userId: string): Promise<ApiTokenView[]> {
  const rows = await prisma.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 100, select: VIEW });
  return rows.map(toView);
}

/**
 * Revokes one of the user's tokens; true if it is (now or already) revoked, false when the
 * user has no such token. Takes effect on the next request: every request looks it up.
 */
export async function revokeApiToken(options: { userId: string; tokenId: string }): Promise<boolean> {
  if (!isUuid(options.tokenId)) return false;
  const where = { id: options.tokenId, userId: options.userId };
  const updated = await prisma.apiToken.updateMany({ where: { ...where, revokedAt: null }, data: { revokedAt: new Date() } });
  if (updated.count > 0) return true;
  // Revoking twice is fine and keeps the first revocation time.
  return (await prisma.apiToken.count({ where })) > 0;
}

export type TokenUser = SessionUser & { tokenId: string; tokenScope: ApiTokenScope };

/** The user a bearer secret belongs to; null for unknown, malformed, revoked and expired tokens. */
export async function findUserByApiToken(secret: string): Promise<TokenUser | null> {
  if (!TOKEN_SHAPE.test(secret)) return null;
  const rows = await prisma.$queryRaw<{ token_id: string; last_used_at: Date | null; scope: ApiTokenScope; id: string; email: string; name: string; role: SessionUser["role"] }[]>`
    SELECT t.id AS token_id, t.last_used_at, t.scope::text AS scope, u.id, u.email, u.name, u.role::text AS role
      FROM api_tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = ${hashApiToken(secret)} AND t.revoked_at IS NULL AND t.expires_at > now()`;
  const row = rows[0];
  if (!row) return null;
  if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_SECONDS * 1000) {
    await prisma.$executeRaw`UPDATE api_tokens SET last_used_at = now() WHERE id = ${row.token_id}::uuid`;
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role, tokenId: row.token_id, tokenScope: row.scope };
}

/**
 * May this caller change things (buy, pay)? Sessions may; a token as its stored scope allows
 * (canUseTokenScope: only `write`), read again here.
 */
export async function callerMayWrite(caller: { via: "session" } | { via: "token"; tokenId: string }): Promise<boolean> {
  if (caller.via === "session") return true;
  const token = await prisma.apiToken.findUnique({ where: { id: caller.tokenId }, select: { scope: true } });
  return token ? canUseTokenScope(token.scope, "write") : false;
}
