// The timer half of the job queue: every few seconds, ask the app to drain due jobs
// through the same route an external cron would call (POST /api/jobs/run).
import { randomUUID } from "node:crypto";

export type WorkerLoop = {
  /** Stops the timer; resolves when the tick in flight (if any) has its answer. */
  (): Promise<void>;
};

export function startWorkerLoop(options: { appUrl: string; secret: string; intervalMs?: number; quiet?: boolean }): WorkerLoop {
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const tick = async () => {
    if (inFlight || stopped) return;
    inFlight = (async () => {
      try {
        const response = await fetch(`${options.appUrl}/api/jobs/run`, {
          method: "POST",
          // One id per tick, so the jobs of this drain can be found together in the logs.
          headers: { authorization: `Bearer ${options.secret}`, "x-request-id": `worker-${randomUUID()}` },
          signal: AbortSignal.timeout(60_000),
        });
        if (!response.ok && response.status !== 404 && !options.quiet) {
          console.error(`worker: /api/jobs/run answered ${response.status}`);
        }
      } catch {
        // The server is still starting or restarting; the next tick tries again.
      } finally {
        inFlight = undefined;
      }
    })();
    await inFlight;
  };
  const timer = setInterval(tick, options.intervalMs ?? 5000);
  return async () => {
    stopped = true;
    clearInterval(timer);
    await inFlight;
  };
}
