// `npm start` on a machine with more than one core: WEB_CONCURRENCY copies of the production
// Next server sharing one port (node:cluster; the primary accepts connections and hands them
// to the processes in turn). The web tier is stateless (sessions are JWTs, limits, queue and
// live updates are in PostgreSQL), so the copies need nothing from each other. One process:
// plain `next start`, no primary in between.
//
//   node scripts/lib/next-cluster.mjs <processes> <path to next's bin> start --port N
import cluster from "node:cluster";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [countArgument, nextBin, ...nextArgs] = process.argv.slice(2);
const count = Number(countArgument);
// A process that keeps dying right after it starts is broken, not unlucky: stop restarting it.
const RESTARTS_PER_MINUTE = 5;
// Next listens with Node's default backlog: 511 connections waiting to be accepted. An on-sale
// opens thousands at once; past that queue the kernel answers them with resets (measured:
// hundreds of ECONNRESET out of 5,000 buyers). The kernel caps it at net.core.somaxconn.
const LISTEN_BACKLOG = 4096;

if (count <= 1) {
  // Next calls server.listen(port, hostname): add the backlog it does not pass.
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function listenWithBacklog(...args) {
    if (typeof args[0] === "number" && args.length <= 2) return listen.call(this, args[0], args[1], LISTEN_BACKLOG);
    return listen.apply(this, args);
  };
  process.argv = [process.argv[0], nextBin, ...nextArgs];
  await import(pathToFileURL(path.resolve(nextBin)).href);
} else {
  // Each process runs this file with a count of one (so it gets the backlog above); the
  // primary owns the shared listening socket and hands connections out in turn.
  cluster.setupPrimary({ exec: fileURLToPath(import.meta.url), args: ["1", nextBin, ...nextArgs] });
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
