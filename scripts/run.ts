// `npm run dev` / `npm start`: one command that starts the whole product.
//   embedded PostgreSQL (or DATABASE_URL) → migrations → demo data if empty →
//   Next.js (dev server, or production server on a build) → the job worker loop.
// Ctrl-C stops everything, PostgreSQL included.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_LOGINS } from "../lib/db/seed-demo";
import { EnvError, parseEnv } from "../lib/env";
import { findFreePort } from "./lib/embedded-postgres";
import { migrateAndSeed, openDatabase, StartupError } from "./lib/prepare-database";
import { startWorkerLoop } from "./lib/worker-loop";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    "data-dir": { type: "string", default: ".data" },
    port: { type: "string" },
    fresh: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
  },
});
const mode = positionals[0] === "start" ? "start" : "dev";
// Longer than the longest request (the job drain's maxDuration, 60 s): Next finishes the
// requests in flight before it exits, and only then is the database stopped.
const SHUTDOWN_GRACE_MS = 70_000;
const dataDir = path.resolve(values["data-dir"]!);

function localAuthSecret(): string {
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

async function main() {
  if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const externalUrl = process.env.DATABASE_URL?.trim() || undefined;
  const database = await openDatabase({ externalUrl, dataDir: path.join(dataDir, "pg"), quiet: values.quiet });
  const running: { child?: ChildProcess; stopWorker?: () => Promise<void> } = {};
  let stopping = false;

  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const child = running.child;
    // Next on SIGTERM: stops accepting connections, finishes the requests in flight and their
    // after() work, then exits. SIGKILL only if it overstays the grace period.
    const childExited =
      child && child.exitCode === null && child.signalCode === null
        ? new Promise<void>((resolve) => {
            const timer = setTimeout(() => {
              console.error(`Next did not stop within ${SHUTDOWN_GRACE_MS / 1000} s: killing it.`);
              child.kill("SIGKILL");
            }, SHUTDOWN_GRACE_MS);
            child.once("exit", () => { clearTimeout(timer); resolve(); });
            child.kill("SIGTERM");
          })
        : Promise.resolve();
    // No new worker ticks; the tick in flight is one of the requests Next finishes.
    await Promise.all([running.stopWorker?.(), childExited]);
    // Last, the database: the requests in flight needed it.
    await database.embedded?.stop().catch(() => {});
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  try {
    const { applied, seeded } = await migrateAndSeed(database.url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    if (seeded) console.log("Seeded demo data.");
  } catch (error) {
    console.error(`Database setup failed: ${(error as Error).message}`);
    await shutdown(1);
  }

  const port = values.port ? Number(values.port) : await findFreePort(Number(process.env.PORT ?? 3000));
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    APP_URL: appUrl,
    PORT: String(port),
    AUTH_TRUST_HOST: "true",
    AUTH_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    STORAGE_DIR: process.env.STORAGE_DIR ?? path.join(dataDir, "storage"),
  };
  // The embedded database is a local demo: give it a persistent local secret.
  // With an external DATABASE_URL (a real deployment) AUTH_SECRET must be set by the operator.
  if (!childEnv.AUTH_SECRET && database.embedded) childEnv.AUTH_SECRET = localAuthSecret();

  try {
    parseEnv({ ...childEnv, NODE_ENV: mode === "dev" ? "development" : "production" });
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : String(error));
    return shutdown(1);
  }

  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  if (mode === "start" && !existsSync(path.resolve(".next/BUILD_ID"))) {
    console.log("No production build found: running `next build` first…");
    const build = spawnSync(process.execPath, [nextBin, "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (build.status !== 0) return shutdown(build.status ?? 1);
  }

  const child = spawn(process.execPath, [nextBin, mode, "--port", String(port)], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...childEnv, NODE_ENV: mode === "dev" ? "development" : "production" },
  });
  running.child = child;
  child.once("exit", (code) => void shutdown(code ?? 0));

  running.stopWorker = startWorkerLoop({ appUrl, secret: childEnv.JOBS_SECRET ?? childEnv.AUTH_SECRET ?? "dev-only-secret-not-for-production-use-000", quiet: values.quiet });

  console.log(`\n  Local Tickets is starting at ${appUrl}`);
  console.log(`  Database: ${database.embedded ? `embedded PostgreSQL (${path.relative(process.cwd(), dataDir)}/pg)` : "DATABASE_URL"}`);
  console.log("  Demo logins:");
  for (const login of DEMO_LOGINS) console.log(`    ${login.role.padEnd(8)} ${login.email} / ${login.password}`);
  console.log("  Press Ctrl-C to stop.\n");
}

main().catch((error) => {
  console.error(error instanceof StartupError ? error.message : `Start-up failed: ${(error as Error).message}`);
  process.exit(1);
});
