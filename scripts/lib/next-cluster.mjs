// `npm start` on a machine with more than one core: WEB_CONCURRENCY copies of the production
// Next server sharing one port (node:cluster; the primary accepts connections and hands them
// to the processes in turn). The web tier is stateless (sessions are JWTs, limits, queue and
// live updates are in PostgreSQL), so the copies need nothing from each other. One process:
// plain `next start`, no primary in between.
//
//   node scripts/lib/next-cluster.mjs <processes> <path to next's bin> start --port N
import cluster from "node:cluster";

const [countArgument, nextBin, ...nextArgs] = process.argv.slice(2);
const count = Number(countArgument);
// A process that keeps dying right after it starts is broken, not unlucky: stop restarting it.
const RESTARTS_PER_MINUTE = 5;

if (count <= 1) {
  process.argv = [process.argv[0], nextBin, ...nextArgs];
  await import(nextBin);
} else {
  cluster.setupPrimary({ exec: nextBin, args: nextArgs });
  for (let i = 0; i < count; i++) cluster.fork();

  let stopping = false;
  const restarts = [];
  // Each process finishes the requests it holds, then exits (Next's own SIGTERM handling).
  const stop = (signal) => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(signal);
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0] < now - 60_000) restarts.shift();
    if (restarts.length > RESTARTS_PER_MINUTE) {
      console.error(`App processes keep exiting (last: ${signal ?? code}); stopping.`);
      stop("SIGTERM");
      process.exitCode = 1;
      return;
    }
    console.error(`App process ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    cluster.fork();
  });
}
