import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { childLogger } from "@/lib/log";
import { isShuttingDown } from "@/lib/ops/shutdown";

// The one rule that starts delivery: a job committed as due now sends NOTIFY jobs_due
// (migration 20261202020000_jobs_wake), and every app process LISTENs and drains. No caller
// kicks the queue. With several processes they share the work (claims use SKIP LOCKED).
// The worker loop's timer (scripts/lib/worker-loop.ts, or cron) stays the backstop for jobs
// due later and for notifications missed while a connection was down. What a drain runs is
// the worker's (lib/worker/run-due-work.ts): the queue knows no handler.

export const JOBS_CHANNEL = "jobs_due";
/** application_name of the LISTEN connection, so it can be told apart in pg_stat_activity. */
export const WAKER_APPLICATION_NAME = "local-tickets-jobs";
const log = childLogger({ module: "jobs" });

/**
 * At most one drain at a time in this process: a wake-up during a drain asks for one more
 * round after it (for jobs committed after its last claim), however many arrived.
 */
export function coalesced(drain: () => Promise<unknown>): () => Promise<void> {
  let current: Promise<void> | null = null;
  let again = false;
  return () => {
    if (current) {
      again = true;
      return current;
    }
    current = (async () => {
      try {
        do {
          again = false;
          await drain().catch((error) => log.error({ err: error }, "job drain failed"));
        } while (again && !isShuttingDown());
      } finally {
        current = null;
      }
    })();
    return current;
  };
}

export type JobWaker = { stop: () => Promise<void> };

/** LISTENs on a dedicated connection (never one of Prisma's pool), reconnecting with backoff. */
export function startJobWaker(options: { databaseUrl?: string; drain: () => Promise<unknown> }): JobWaker {
  const databaseUrl = options.databaseUrl ?? env().DATABASE_URL;
  const drain = coalesced(options.drain);
  let client: pg.Client | null = null;
  let stopped = false;
  let failures = 0;
  let retry: NodeJS.Timeout | null = null;

  const connect = async () => {
    if (stopped || !databaseUrl) return;
    const next = new pg.Client({ connectionString: databaseUrl, application_name: WAKER_APPLICATION_NAME });
    const reconnect = () => {
      if (client !== next) return;
      client = null;
      next.end().catch(() => {});
      if (stopped) return;
      const delay = Math.min(30_000, 250 * 2 ** Math.min(failures++, 7));
      retry = setTimeout(() => void connect(), delay);
    };
    next.on("error", reconnect);
    next.on("end", reconnect);
    next.on("notification", () => void drain());
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${JOBS_CHANNEL}`);
      failures = 0;
      // Jobs may have been queued while nobody listened.
      void drain();
    } catch (error) {
      log.warn({ err: error }, "job waker could not listen; retrying");
      reconnect();
    }
  };
  void connect();

  return {
    stop: async () => {
      stopped = true;
      if (retry) clearTimeout(retry);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}
