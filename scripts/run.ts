// `npm run dev` / `npm start`: one command that starts the whole product.
//   settings checked → embedded PostgreSQL (or DATABASE_URL) → migrations → demo data if the
//   embedded database is empty → Next.js (dev server, or production server on a build) →
//   the job worker loop.
// Ctrl-C stops everything, PostgreSQL included.
// The embedded database is a local demo: it gets local secrets and the demo logins. With
// DATABASE_URL (a real deployment) the operator sets every secret, nothing is seeded, and a
// production configuration missing a required setting is refused before anything starts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_LOGINS } from "../lib/db/seed-demo";
import { demoLoginLines, demoPaymentsOf } from "../lib/db/seed-demo-hosts";
import { EnvError, parseEnv } from "../lib/env";
import { findFreePort } from "./lib/embedded-postgres";
import { machineUrls } from "./lib/machine-addresses.mjs";
import { demoDataPolicy, migrateAndSeed, openDatabase, StartupError } from "./lib/prepare-database";
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
const nodeEnv = mode === "dev" ? "development" : "production";

/** A random secret kept in the data folder, so sessions and ticket codes survive restarts. */
function localSecret(name: string): string {
  const file = path.join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/**
 * The settings of the app processes: the operator's, plus, for the embedded database only,
 * a distinct local secret for each role (sessions, the queue kick, ticket codes, and the
 * legacy HMAC ticket secret that still verifies codes issued before docs/decisions/0008).
 */
function appSettings(embedded: boolean): NodeJS.ProcessEnv {
  const settings: NodeJS.ProcessEnv = { ...process.env };
  if (embedded) {
    settings.AUTH_SECRET ||= localSecret("auth-secret");
    settings.JOBS_SECRET ||= localSecret("jobs-secret");
    settings.TICKET_SIGNING_SECRET ||= localSecret("ticket-signing-secret");
    // An Ed25519 seed (32 random bytes, base64url): what TICKET_SIGNING_KEY accepts.
    settings.TICKET_SIGNING_KEY ||= localSecret("ticket-signing-key");
  }
  return settings;
}

/** The settings as lib/env.ts will see them; false (after one line naming what is wrong) if refused. */
function settingsAreValid(settings: NodeJS.ProcessEnv): boolean {
  try {
    parseEnv({ ...settings, NODE_ENV: nodeEnv });
    return true;
  } catch (error) {
    console.error(error instanceof EnvError ? error.message : String(error));
    return false;
  }
}

async function main() {
  if (values.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const externalUrl = process.env.DATABASE_URL?.trim() || undefined;
  // Before any database is touched: a production configuration that lacks a required
  // setting stops here, with one line naming it.
  const settings = appSettings(!externalUrl);
  if (!settingsAreValid({ ...settings, DATABASE_URL: externalUrl })) process.exit(1);

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
    const { applied, seeded, demoAccountsForgotten } = await migrateAndSeed(database.url, { demoData: demoDataPolicy(database) });
    if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
    if (seeded) console.log("Seeded demo data.");
    if (demoAccountsForgotten) console.log(`With Stripe keys, ${demoAccountsForgotten} demo hosts' made-up accounts were let go: connect them in Payouts.`);
  } catch (error) {
    console.error(`Database setup failed: ${(error as Error).message}`);
    await shutdown(1);
  }

  const port = values.port ? Number(values.port) : await findFreePort(Number(process.env.PORT ?? 3000));
  const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
  const childEnv: NodeJS.ProcessEnv = {
    ...settings,
    DATABASE_URL: database.url,
    APP_URL: appUrl,
    PORT: String(port),
    AUTH_TRUST_HOST: "true",
    AUTH_URL: appUrl,
    NEXT_TELEMETRY_DISABLED: "1",
    STORAGE_DIR: process.env.STORAGE_DIR ?? path.join(dataDir, "storage"),
  };
  // APP_URL is known only now (the port): check once more, as the app will.
  if (!settingsAreValid(childEnv)) return shutdown(1);

  if (mode === "start" && !existsSync(path.resolve(".next/BUILD_ID"))) {
    console.log("No production build found: running `next build` first…");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (build.status !== 0) return shutdown(build.status ?? 1);
  }

  const child = startNext({ port, env: childEnv });
  running.child = child;
  child.once("exit", (code) => void shutdown(code ?? 0));

  running.stopWorker = startWorkerLoop({ appUrl, secret: childEnv.JOBS_SECRET ?? childEnv.AUTH_SECRET ?? "dev-only-secret-not-for-production-use-000", quiet: values.quiet });

  console.log(`\n  Local Tickets is starting at ${appUrl}`);
  if (mode === "dev") {
    // Every address works (next.config.mjs allows them all), but emails and the links in
    // them use APP_URL: open that one to stay signed in when you follow an email's link.
    const others = machineUrls(port).filter((url) => url !== appUrl);
    if (others.length > 0) console.log(`  Also at: ${others.join(", ")} (emails link to ${appUrl})`);
  }
  console.log(`  Database: ${database.embedded ? `embedded PostgreSQL (${path.relative(process.cwd(), dataDir)}/pg)` : "DATABASE_URL"}`);
  if (database.embedded) {
    // Only the local demo database has these; a real database never gets them (npm run db:seed is explicit).
    console.log("  Demo logins:");
    for (const line of demoLoginLines(DEMO_LOGINS, demoPaymentsOf(process.env))) console.log(`    ${line}`);
  } else {
    console.log("  First admin of a new database: npm run admin:create");
  }
  console.log("  Press Ctrl-C to stop.\n");
}

// ---- The app server: the one place that spawns Next.js ---------------------------------
const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

const NEXT_CLUSTER = path.resolve("scripts/lib/next-cluster.mjs");

/**
 * `next dev`: one process. `next start`: WEB_CONCURRENCY processes sharing the port
 * (scripts/lib/next-cluster.mjs): on this 2-core machine two serve an on-sale faster than
 * one, with PostgreSQL on the same cores (docs/benchmarks.md).
 */
function startNext(options: { port: number; env: NodeJS.ProcessEnv }): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...options.env, NODE_ENV: nodeEnv };
  const args = mode === "dev" ? [NEXT_BIN, mode] : [NEXT_CLUSTER, String(parseEnv(env).WEB_CONCURRENCY), NEXT_BIN, mode];
  return spawn(process.execPath, [...args, "--port", String(options.port)], { stdio: ["ignore", "inherit", "inherit"], env });
}

main().catch((error) => {
  console.error(error instanceof StartupError ? error.message : `Start-up failed: ${(error as Error).message}`);
  process.exit(1);
});
