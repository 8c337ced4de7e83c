// Faults for `bench:flash-sale --faults`: during the sale PostgreSQL crashes (immediate
// shutdown) and starts again on the same data and port, and one app process of the cluster
// is killed; buyers retry network errors and 503s with the same Idempotency-Key. What it
// costs: answers by status and code, and how long after the database is back the sale runs
// at its pace again.
import { readdirSync, readFileSync } from "node:fs";
import { backoffDelayMs } from "../../lib/backoff";
import { crashPostgres } from "./embedded-postgres";
import { fireBurst, type BurstRequest, type BurstResult } from "./bench-http";
import { round } from "./bench-common";

export const FAULT_PLAN = {
  /** PostgreSQL gets an immediate shutdown this long into the sale… */
  crashAtMs: 2_000,
  /** …and is started again this long after it went down. */
  downForMs: 2_500,
  /** One of the app processes is killed (SIGKILL) this long into the sale. */
  killAtMs: 9_000,
};

/** A buyer's patience: this many tries in all, waiting Retry-After or a backoff with jitter between them. */
export const FAULT_MAX_ATTEMPTS = 40;
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 5_000;

export type FaultTimeline = {
  crashedAtMs: number | null;
  /** PostgreSQL said "ready to accept connections" again. */
  backAtMs: number | null;
  killedAtMs: number | null;
  killedPid: number | null;
  appProcessesBefore: number;
  errors: string[];
};

/** The app processes of `npm start`'s cluster: children of the cluster's primary, itself a child of scripts/run.ts. */
export function appProcessPids(runPid: number): number[] {
  const parents = new Map<number, { ppid: number; name: string }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      parents.set(Number(entry), { ppid: Number(stat.slice(close + 2).split(" ")[1]), name: stat.slice(stat.indexOf("(") + 1, close) });
    } catch {
      // exited while we looked
    }
  }
  const childrenOf = (pid: number) => [...parents].filter(([, info]) => info.ppid === pid && !info.name.startsWith("postgres")).map(([child]) => child);
  return childrenOf(runPid).flatMap((primary) => childrenOf(primary));
}

/** Runs the fault plan from `origin` (performance.now() at the sale's start); resolves when the database is back and the kill is done. */
export function runFaultPlan(options: { postgresDir: string; runPid: number; origin: number; kill: boolean }): Promise<FaultTimeline> {
  const timeline: FaultTimeline = { crashedAtMs: null, backAtMs: null, killedAtMs: null, killedPid: null, appProcessesBefore: 0, errors: [] };
  const at = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, options.origin + ms - performance.now())));
  const now = () => round(performance.now() - options.origin, 0);

  const database = (async () => {
    await at(FAULT_PLAN.crashAtMs);
    const crashed = await crashPostgres(options.postgresDir);
    timeline.crashedAtMs = now();
    await at(timeline.crashedAtMs + FAULT_PLAN.downForMs);
    await crashed.restart();
    timeline.backAtMs = now();
  })().catch((error: Error) => void timeline.errors.push(`database: ${error.message}`));

  const kill = (async () => {
    if (!options.kill) return;
    await at(FAULT_PLAN.killAtMs);
    const pids = appProcessPids(options.runPid);
    timeline.appProcessesBefore = pids.length;
    if (pids.length < 2) throw new Error(`expected at least two app processes, found ${pids.length}`);
    const victim = pids[Math.floor(Math.random() * pids.length)];
    process.kill(victim, "SIGKILL");
    timeline.killedAtMs = now();
    timeline.killedPid = victim;
  })().catch((error: Error) => void timeline.errors.push(`kill: ${error.message}`));

  return Promise.all([database, kill]).then(() => timeline);
}

export type Attempt = { endMs: number; status: number; code: string };

/**
 * Worth another try with the same Idempotency-Key: no answer (a network error, a timeout), a
 * 503, or "a request with this key is in progress" (409 `idempotency_in_flight`: not an
 * outcome yet); with `alsoRetry500` a 500 too (a diagnostic: to see the recovery while some
 * lost connections still answer 500).
 */
export function isRetryable(result: BurstResult, alsoRetry500 = false): boolean {
  if (result.status === 409) return result.code === "idempotency_in_flight";
  return result.status === 0 || result.status === 503 || (alsoRetry500 && result.status === 500);
}

/**
 * A buyer who keeps trying through the faults: after a network error or a 503, waits
 * Retry-After when given, else a backoff with jitter, and sends the same request (same
 * Idempotency-Key) again, at most FAULT_MAX_ATTEMPTS tries in all. Every try is recorded.
 */
export async function buyThroughFaults(request: BurstRequest, first: BurstResult, options: { origin: number; timeoutMs: number; attempts: Attempt[]; firstEndMs: number; alsoRetry500?: boolean }) {
  let current = first;
  let tries = 1;
  options.attempts.push({ endMs: options.firstEndMs, status: first.status, code: first.code });
  while (isRetryable(current, options.alsoRetry500) && tries < FAULT_MAX_ATTEMPTS) {
    const wait = current.retryAfterSeconds !== undefined ? current.retryAfterSeconds * 1000 : backoffDelayMs(tries, BACKOFF_MIN_MS, BACKOFF_MAX_MS);
    await new Promise((resolve) => setTimeout(resolve, wait));
    tries++;
    current = (await fireBurst([request], { timeoutMs: options.timeoutMs })).results[0];
    options.attempts.push({ endMs: performance.now() - options.origin, status: current.status, code: current.code });
  }
  return { ...current, tries, endMs: performance.now() - options.origin };
}

const TRUE_ANSWER = (attempt: Attempt) => attempt.status === 201 || attempt.status === 409;

/**
 * The sale's pace is true answers (201 or 409) per second. Before the crash it is measured
 * over the sale's first seconds; "back to full pace" is the first 1 s window, starting after
 * the database is back, with at least 80 % of it. Also every second's answers, for a chart.
 */
export function paceAfterFaults(attempts: Attempt[], timeline: FaultTimeline) {
  const ends = attempts.filter(TRUE_ANSWER).map((attempt) => attempt.endMs).sort((a, b) => a - b);
  const last = Math.max(0, ...attempts.map((attempt) => attempt.endMs));
  const perSecond: Record<string, Record<string, number>> = {};
  for (const attempt of attempts) {
    const second = String(Math.floor(attempt.endMs / 1000));
    const key = attempt.status === 0 ? attempt.code : String(attempt.status);
    perSecond[second] ??= {};
    perSecond[second][key] = (perSecond[second][key] ?? 0) + 1;
  }
  const count = (from: number, to: number) => ends.filter((end) => end >= from && end < to).length;
  const crash = timeline.crashedAtMs;
  const back = timeline.backAtMs;
  const before = crash ? count(0, crash) / (crash / 1000) : null;
  let fullPaceAfterSeconds: number | null = null;
  if (before && back !== null) {
    for (let start = back; start + 1000 <= last + 1000; start += 100) {
      if (count(start, start + 1000) >= 0.8 * before) {
        fullPaceAfterSeconds = round((start - back) / 1000, 1);
        break;
      }
    }
  }
  const afterBack = back === null ? [] : ends.filter((end) => end >= back);
  return {
    trueAnswersPerSecondBeforeCrash: before === null ? null : round(before, 1),
    fullPaceAfterSeconds,
    trueAnswersAfterBack: afterBack.length,
    lastTrueAnswerAfterBackSeconds: afterBack.length && back !== null ? round((afterBack.at(-1)! - back) / 1000, 2) : null,
    perSecond,
  };
}
