import "server-only";
import { ListenConnection } from "@/lib/db/listen-connection";
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

export type JobWaker = { stop: () => Promise<void>; readonly listening: boolean; readonly connections: number };

/**
 * LISTENs on a dedicated connection that reconnects by itself (lib/db/listen-connection.ts),
 * and drains on every wake-up and each time LISTEN is (re)established: jobs committed while
 * nobody listened (before start-up, or while the database restarted) are found then.
 */
export function startJobWaker(options: { databaseUrl?: string; drain: () => Promise<unknown>; pingMs?: number; minBackoffMs?: number }): JobWaker {
  const databaseUrl = options.databaseUrl ?? env().DATABASE_URL;
  const drain = coalesced(options.drain);
  if (!databaseUrl) return { stop: async () => {}, listening: false, connections: 0 };
  const connection = new ListenConnection({
    databaseUrl,
    channel: JOBS_CHANNEL,
    applicationName: WAKER_APPLICATION_NAME,
    pingMs: options.pingMs,
    minBackoffMs: options.minBackoffMs,
    onNotification: () => void drain(),
    onListening: () => void drain(),
  });
  connection.start();
  return {
    stop: () => connection.stop(),
    get listening() {
      return connection.listening;
    },
    get connections() {
      return connection.connections;
    },
  };
}
