// The queue worker of compose.yaml: every few seconds, POST /api/jobs/run through the
// proxy, like an external cron would. Plain JavaScript, so it runs in the slim runner
// image (`node scripts/queue-worker.mjs`). On SIGTERM it lets the call in flight finish.
//   APP_INTERNAL_URL   where the app is reached (default http://proxy)
//   JOBS_SECRET        the bearer token of the queue route
//   WORKER_INTERVAL_SECONDS   default 5
import { randomUUID } from "node:crypto";

const url = `${(process.env.APP_INTERNAL_URL ?? "http://proxy").replace(/\/$/, "")}/api/jobs/run`;
const secret = process.env.JOBS_SECRET;
const intervalMs = Number(process.env.WORKER_INTERVAL_SECONDS ?? 5) * 1000;
if (!secret) {
  console.error(JSON.stringify({ level: "error", msg: "queue-worker: JOBS_SECRET is not set" }));
  process.exit(1);
}

let inFlight;
let stopping = false;

async function tick() {
  const requestId = `worker-${randomUUID()}`;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${secret}`, "x-request-id": requestId },
      signal: AbortSignal.timeout(70_000),
    });
    const body = response.ok ? await response.json() : await response.text();
    if (!response.ok) console.error(JSON.stringify({ level: "warn", msg: "queue-worker: drain answered an error", status: response.status, requestId }));
    else if (body.claimed) console.log(JSON.stringify({ level: "info", msg: "queue-worker: drained", requestId, ...body }));
  } catch (error) {
    console.error(JSON.stringify({ level: "warn", msg: "queue-worker: app unreachable", error: String(error), requestId }));
  }
}

async function loop() {
  while (!stopping) {
    inFlight = tick();
    await inFlight;
    inFlight = undefined;
    if (!stopping) await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

for (const signal of ["SIGTERM", "SIGINT"]) {
  process.once(signal, async () => {
    stopping = true;
    await inFlight;
    process.exit(0);
  });
}
console.log(JSON.stringify({ level: "info", msg: "queue-worker: started", url, intervalMs }));
loop();
