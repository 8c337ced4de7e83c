import bcrypt from "bcryptjs";
import { z } from "zod";

/**
 * bcrypt's work factor. 12 takes a few hundred milliseconds here: slow enough that a leaked
 * hash resists guessing, fast enough for a sign-in. Hashes made with less are upgraded on the
 * next successful sign-in (needsRehash).
 */
export const PASSWORD_COST = 12;

/** bcrypt reads at most 72 bytes of UTF-8 and silently ignores the rest, so longer is refused. */
export const MAX_PASSWORD_BYTES = 72;

export function passwordByteLength(password: string): number {
  return Buffer.byteLength(password, "utf8");
}

/** A new password: 8 characters or more, at most the 72 bytes bcrypt reads (accents and emoji take 2–4). */
export const ZNewPassword = z
  .string()
  .min(8, "Use at least 8 characters")
  .refine((password) => passwordByteLength(password) <= MAX_PASSWORD_BYTES, `Use at most ${MAX_PASSWORD_BYTES} bytes (72 plain letters, fewer with accents or emoji)`);

export async function hashPassword(password: string): Promise<string> {
  if (passwordByteLength(password) > MAX_PASSWORD_BYTES) {
    // Callers validate first (ZSignUp); this guards against a new caller that forgets.
    throw new RangeError(`Passwords are at most ${MAX_PASSWORD_BYTES} bytes`);
  }
  return bcrypt.hash(password, PASSWORD_COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A hash made with a lower cost than today's. */
export function needsRehash(hash: string): boolean {
  try {
    return bcrypt.getRounds(hash) < PASSWORD_COST;
  } catch {
    return false;
  }
}

// Compared against when the email is unknown, so a wrong email and a wrong password
// take the same time and cannot be told apart. Same cost as real hashes, for the same reason.
export const UNKNOWN_USER_HASH = "$2b$12$6OC6saWnyUfURhRxc8K5M.zdvlSIqP1E0sAF2jOcVWjorf9AO6m3a";
