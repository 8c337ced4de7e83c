import "server-only";
import { sql } from "@/lib/db";
import { backoffDelayMs } from "@/lib/backoff";
import { childLogger } from "@/lib/log";
import { sweepExpiredHolds } from "./release-expired-holds";

// Why: an expired hold's places must come back when it expires, not when the worker next
// ticks (every few seconds, or a cron minute in a real deployment). Open-data consumers see
// the Slot and session feeds change only when the release is written, so the release has to
// happen on time. Each server process keeps one timer for the earliest hold it knows of: a
// hold it just created (every hold lives HOLD_MINUTES, so a newer one never expires
// earlier), or, after each sweep, the earliest pending hold in the database (holds made by
// other processes or before a restart). The sweep itself locks as a purchase does, so two
// processes sweeping at once is harmless. The worker loop stays the backstop.

const log = childLogger({ module: "holds" });
/** Look at the database at least this often while holds are pending. */
const MAX_WAIT_MS = 60_000;
/** Fire just after the expiry, so `hold_expires_at <= now()` already holds. */
const AFTER_EXPIRY_MS = 20;
/** After a failed sweep or look (the database restarting, unreachable): try again, backing off. */
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;

let enabled = false;
let armedFor: number | null = null;
let timer: NodeJS.Timeout | null = null;
let failures = 0;

/**
 * Called once per server process (lib/ops/start-server-process.ts), and by tests. Never
 * fails: when the database cannot be asked yet, the timer asks again later, backing off.
 */
export async function startHoldExpiryTimer(): Promise<void> {
  enabled = true;
  failures = 0;
  try {
    await armForEarliestPendingHold();
  } catch (error) {
    retryLater(error);
  }
}

export function stopHoldExpiryTimer(): void {
  enabled = false;
  if (timer) clearTimeout(timer);
  timer = null;
  armedFor = null;
}

/** A hold was just taken that expires at `expiresAt`: make sure this process wakes for it. */
export function sweepWhenHoldExpires(expiresAt: Date): void {
  if (!enabled) return;
  const at = expiresAt.getTime();
  if (armedFor !== null && armedFor <= at) return;
  arm(at);
}

function arm(at: number): void {
  if (timer) clearTimeout(timer);
  armedFor = at;
  const wait = Math.min(Math.max(0, at - Date.now() + AFTER_EXPIRY_MS), MAX_WAIT_MS);
  timer = setTimeout(() => void fire(), wait);
  // Never keeps a process (or a test run) alive on its own.
  timer.unref();
}

async function fire(): Promise<void> {
  timer = null;
  armedFor = null;
  if (!enabled) return;
  try {
    await sweepExpiredHolds();
    failures = 0;
    await armForEarliestPendingHold();
  } catch (error) {
    retryLater(error);
  }
}

/** A sweep or a look failed: sweep again after a backoff with jitter (a hold taken meanwhile may arm it sooner). */
function retryLater(error: unknown): void {
  failures++;
  const delay = backoffDelayMs(failures, RETRY_MIN_MS, RETRY_MAX_MS);
  log.warn({ err: error, attempt: failures, retryInMs: delay }, "hold expiry sweep failed; retrying");
  if (enabled && (armedFor === null || armedFor > Date.now() + delay)) arm(Date.now() + delay);
}

async function armForEarliestPendingHold(): Promise<void> {
  const [{ next }] = await sql<{ next: Date | null }>`
    SELECT min(hold_expires_at) AS next FROM orders WHERE status = 'pending' AND hold_expires_at > now()`;
  if (next && enabled) sweepWhenHoldExpires(next);
}
