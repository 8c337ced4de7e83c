import "server-only";
import { createHash } from "node:crypto";
import { prisma } from "@/lib/db";

// Sign-in throttling that slows guessing without locking the owner out.
//  - Only failures count: a right password never adds to a count (the old fixed window
//    counted every attempt, so ten wrong guesses by anyone locked the real owner out).
//  - Counts are kept per email (guessing one account from many addresses), per address
//    (trying many accounts from one place) and per email + source (one browser or address
//    guessing one account). After a few free failures each count asks for a wait that
//    doubles with every further failure, up to MAX_WAIT_SECONDS.
//  - A source the user signed in from before (their device cookie, or an address) is never
//    made to wait longer than KNOWN_SOURCE_MAX_WAIT_SECONDS: strangers' failures cannot keep
//    the owner out, and a thief on the owner's own device still gets only a guess every 30 s.
// Counts live in PostgreSQL, so every app instance sees the same ones.

export const SIGN_IN_THROTTLE = {
  /** Failures per email, per email + source, before any wait. */
  freeFailures: 5,
  /** Failures per address (all emails) before any wait: room for a shared connection. */
  freeFailuresPerAddress: 20,
  maxWaitSeconds: 15 * 60,
  knownSourceMaxWaitSeconds: 30,
  /** A count whose last failure is older than this starts again. */
  forgetAfterSeconds: 24 * 60 * 60,
  /** A known source is forgotten when unused this long. */
  knownSourceDays: 180,
} as const;

/** Where an attempt comes from: the client address, and the browser's device cookie if any. */
export type SignInSource = { address: string; device?: string };

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const DEVICE_ID = /^[A-Za-z0-9_-]{32,64}$/;

function deviceSource(device: string | undefined): string | null {
  if (!device || !DEVICE_ID.test(device)) return null;
  return `device:${createHash("sha256").update(device).digest("hex")}`;
}

function failureKeys(email: string, source: SignInSource): { key: string; free: number }[] {
  const keys = [
    { key: `email:${email}`, free: SIGN_IN_THROTTLE.freeFailures },
    { key: `address:${source.address}`, free: SIGN_IN_THROTTLE.freeFailuresPerAddress },
    { key: `email-source:${email}|address:${source.address}`, free: SIGN_IN_THROTTLE.freeFailures },
  ];
  const device = deviceSource(source.device);
  if (device) keys.push({ key: `email-source:${email}|${device}`, free: SIGN_IN_THROTTLE.freeFailures });
  return keys;
}

function knownSourceKeys(source: SignInSource): string[] {
  const device = deviceSource(source.device);
  return [`address:${source.address}`, ...(device ? [device] : [])];
}

/** Seconds to wait after `failures` failures, when the first `free` cost nothing. */
export function waitAfterFailures(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** (failures - free), SIGN_IN_THROTTLE.maxWaitSeconds);
}

/** May this attempt check a password now? Refused attempts are not failures: they change no count. */
export async function checkSignInThrottle(email: string, source: SignInSource, now = new Date()): Promise<ThrottleDecision> {
  const keys = failureKeys(email, source);
  const rows = await prisma.signInFailure.findMany({ where: { key: { in: keys.map((entry) => entry.key) } } });
  let waitUntil = now.getTime();
  for (const row of rows) {
    if (now.getTime() - row.lastFailureAt.getTime() > SIGN_IN_THROTTLE.forgetAfterSeconds * 1000) continue;
    const free = keys.find((entry) => entry.key === row.key)!.free;
    waitUntil = Math.max(waitUntil, row.lastFailureAt.getTime() + waitAfterFailures(row.failures, free) * 1000);
  }
  if (waitUntil <= now.getTime()) return { allowed: true };
  let retryAfterSeconds = Math.ceil((waitUntil - now.getTime()) / 1000);
  if (retryAfterSeconds > SIGN_IN_THROTTLE.knownSourceMaxWaitSeconds && (await isKnownSource(email, source, now))) {
    // The owner's own device or address: a short delay at most, whatever strangers did.
    const lastHere = rows
      .filter((row) => row.key.startsWith("email-source:"))
      .reduce((latest, row) => Math.max(latest, row.lastFailureAt.getTime()), 0);
    const shortUntil = lastHere + SIGN_IN_THROTTLE.knownSourceMaxWaitSeconds * 1000;
    if (shortUntil <= now.getTime()) return { allowed: true };
    retryAfterSeconds = Math.ceil((shortUntil - now.getTime()) / 1000);
  }
  return { allowed: false, retryAfterSeconds };
}

async function isKnownSource(email: string, source: SignInSource, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_THROTTLE.knownSourceDays * 24 * 3600 * 1000);
  const found = await prisma.signInKnownSource.count({
    where: { user: { email }, source: { in: knownSourceKeys(source) }, lastSuccessAt: { gte: since } },
  });
  return found > 0;
}

/** A wrong password (or unknown email): one more failure on each count. */
export async function recordSignInFailure(email: string, source: SignInSource, now = new Date()): Promise<void> {
  const keys = failureKeys(email, source).map((entry) => entry.key);
  const forgetBefore = new Date(now.getTime() - SIGN_IN_THROTTLE.forgetAfterSeconds * 1000);
  // One statement for all counts; a count whose last failure is too old starts again at 1.
  await prisma.$executeRaw`
    INSERT INTO sign_in_failures (key, failures, last_failure_at)
    SELECT key, 1, ${now} FROM unnest(${keys}::text[]) AS key
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN sign_in_failures.last_failure_at < ${forgetBefore} THEN 1 ELSE sign_in_failures.failures + 1 END,
      last_failure_at = EXCLUDED.last_failure_at`;
  // Old counts are dead weight; the index on last_failure_at makes this cheap.
  await prisma.$executeRaw`DELETE FROM sign_in_failures WHERE last_failure_at < ${forgetBefore}`;
}

/**
 * The right password: this device and address become known for the user, and their own
 * mistakes from here are forgiven. The per-email and per-address counts stay: a success
 * does not prove that someone else stopped guessing.
 */
export async function recordSignInSuccess(userId: string, email: string, source: SignInSource, now = new Date()): Promise<void> {
  const sources = knownSourceKeys(source);
  await prisma.$transaction([
    prisma.$executeRaw`
      INSERT INTO sign_in_known_sources (user_id, source, last_success_at)
      SELECT ${userId}::uuid, source, ${now} FROM unnest(${sources}::text[]) AS source
      ON CONFLICT (user_id, source) DO UPDATE SET last_success_at = EXCLUDED.last_success_at`,
    prisma.signInFailure.deleteMany({ where: { key: { in: failureKeys(email, source).map((entry) => entry.key).filter((key) => key.startsWith("email-source:")) } } }),
    prisma.signInKnownSource.deleteMany({ where: { userId, lastSuccessAt: { lt: new Date(now.getTime() - SIGN_IN_THROTTLE.knownSourceDays * 24 * 3600 * 1000) } } }),
  ]);
}
