import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import type { EmailTokenPurpose, Prisma } from "@/lib/generated/prisma/client";

// Single-use links sent by email: a password reset, a sign-in link, an email verification.
// The token is 32 random bytes (256 bits) in the link; the table keeps only its SHA-256, so a
// copy of the database opens nothing. A used token keeps its row (used_at) so a second use is
// told "already used"; the database refuses any lifetime over 30 minutes (email_tokens_lifetime).

export type { EmailTokenPurpose };

/** How long each kind of link works. */
export const EMAIL_TOKEN_MINUTES = { password_reset: 30, sign_in: 15, verify_email: 30 } as const satisfies Record<EmailTokenPurpose, number>;

/** Why a link does nothing: never issued (or mistyped), used already, or too late. */
export type EmailTokenRefusal = "unknown" | "used" | "expired";

export type EmailTokenRow = { id: string; email: string; userId: string | null; returnTo: string | null };

export type EmailTokenCheck = { ok: true; token: EmailTokenRow } | { ok: false; reason: EmailTokenRefusal };

type Db = Prisma.TransactionClient | typeof prisma;

// base64url of 32 bytes; anything else cannot be a token and is not looked up.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function hashEmailToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Makes a token for `purpose` and returns it (the only time it exists outside an email). */
export async function issueEmailToken(options: {
  purpose: EmailTokenPurpose;
  email: string;
  userId: string | null;
  returnTo?: string | null;
  now?: Date;
}): Promise<{ id: string; token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + EMAIL_TOKEN_MINUTES[options.purpose] * 60_000);
  const row = await prisma.emailToken.create({
    data: { tokenHash: hashEmailToken(token), purpose: options.purpose, email: options.email, userId: options.userId, returnTo: options.returnTo ?? null, createdAt: now, expiresAt },
    select: { id: true },
  });
  // Dead rows are kept a day (to say "expired" rather than "unknown"), then go.
  await prisma.emailToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 3600_000) } } });
  return { id: row.id, token, expiresAt };
}

async function refusalOf(db: Db, purpose: EmailTokenPurpose, token: string, now: Date): Promise<EmailTokenRefusal> {
  const row = await db.emailToken.findUnique({ where: { tokenHash: hashEmailToken(token) }, select: { purpose: true, usedAt: true, expiresAt: true } });
  if (!row || row.purpose !== purpose) return "unknown";
  if (row.usedAt) return "used";
  return row.expiresAt <= now ? "expired" : "unknown";
}

/** What a link's page shows before anything is pressed: the token is not used. */
export async function checkEmailToken(purpose: EmailTokenPurpose, token: unknown, now = new Date()): Promise<EmailTokenCheck> {
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) return { ok: false, reason: "unknown" };
  const row = await prisma.emailToken.findUnique({ where: { tokenHash: hashEmailToken(token) } });
  if (!row || row.purpose !== purpose) return { ok: false, reason: "unknown" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  return { ok: true, token: { id: row.id, email: row.email, userId: row.userId, returnTo: row.returnTo } };
}

/**
 * Uses the token: one conditional UPDATE, so of any number of concurrent uses exactly one
 * gets it. Pass the transaction that does what the link is for, so a failure there leaves
 * the link unused.
 */
export async function takeEmailToken(db: Db, purpose: EmailTokenPurpose, token: unknown, now = new Date()): Promise<EmailTokenCheck> {
  if (typeof token !== "string" || !TOKEN_SHAPE.test(token)) return { ok: false, reason: "unknown" };
  const rows = await db.$queryRaw<{ id: string; email: string; user_id: string | null; return_to: string | null }[]>`
    UPDATE email_tokens SET used_at = ${now}
     WHERE token_hash = ${hashEmailToken(token)} AND purpose = ${purpose}::email_token_purpose
       AND used_at IS NULL AND expires_at > ${now}
    RETURNING id, email, user_id, return_to`;
  if (rows.length === 0) return { ok: false, reason: await refusalOf(db, purpose, token, now) };
  const [row] = rows;
  return { ok: true, token: { id: row.id, email: row.email, userId: row.user_id, returnTo: row.return_to } };
}

/** Every other open link of this kind for the user stops working (a reset was done). */
export async function retireEmailTokens(db: Db, userId: string, purpose: EmailTokenPurpose, now = new Date()): Promise<void> {
  await db.emailToken.updateMany({ where: { userId, purpose, usedAt: null }, data: { usedAt: now } });
}
