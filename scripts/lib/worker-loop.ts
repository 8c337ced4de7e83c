// The timer half of the job queue: every few seconds, ask the app to drain due jobs
// through the same route an external cron would call (POST /api/jobs/run).
export function startWorkerLoop(options: { appUrl: string; secret: string; intervalMs?: number; quiet?: boolean }): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const response = await fetch(`${options.appUrl}/api/jobs/run`, {
        method: "POST",
        headers: { authorization: `Bearer ${options.secret}` },
        signal: AbortSignal.timeout(60_000),
      });
      if (!response.ok && response.status !== 404 && !options.quiet) {
        console.error(`worker: /api/jobs/run answered ${response.status}`);
      }
    } catch {
      // The server is still starting or restarting; the next tick tries again.
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, options.intervalMs ?? 5000);
  return () => clearInterval(timer);
}
