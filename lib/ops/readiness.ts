import "server-only";
// Readiness: may this instance take traffic? Three checks, each bounded in time:
//  - database: a trivial query answers;
//  - migrations: every migration shipped with this build is applied (a new version whose
//    schema is not migrated yet stays out of rotation). The list comes from
//    prisma/migrations on disk: a production image must ship that folder (the Dockerfile
//    copies it); if it is missing the check fails and says so, rather than guess;
//  - queue: the oldest due job has waited less than a threshold (workers are draining).
// The answer names each check and its state, never a setting or a connection string.
import { existsSync } from "node:fs";
import { prisma } from "@/lib/db";
import { MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrations";
import { isShuttingDown } from "./shutdown";

export type CheckName = "database" | "migrations" | "queue" | "shutdown";
export type CheckResult = { ok: boolean; ms: number; detail?: string; [key: string]: unknown };
export type Readiness = { status: "ready" | "not_ready"; checks: Partial<Record<CheckName, CheckResult>> };

/** A due job older than this means no worker is draining the queue. */
export const QUEUE_STUCK_SECONDS = 15 * 60;
const CHECK_TIMEOUT_MS = 3000;

let shippedMigrations: { dir: string; names: string[] } | undefined;

/** Names of the migrations this build ships (read once: files do not change at run time). */
function migrationsOnDisk(dir: string): string[] | null {
  if (shippedMigrations?.dir === dir) return shippedMigrations.names;
  if (!existsSync(dir)) return null;
  const names = readMigrations(dir).map((migration) => migration.name);
  shippedMigrations = { dir, names };
  return names;
}

type CheckOutcome = { ok: boolean; detail?: string; [key: string]: unknown };

async function timed(work: () => Promise<CheckOutcome>): Promise<CheckResult> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    });
    const result = await Promise.race([work(), timeout]);
    return { ...result, ms: Math.round(performance.now() - started) };
  } catch (error) {
    // Driver messages can quote the host; keep only the first line, no URL.
    const message = (error instanceof Error ? error.message : String(error)).split("\n")[0].replace(/postgres(ql)?:\/\/\S+/g, "[url]");
    return { ok: false, ms: Math.round(performance.now() - started), detail: message.slice(0, 200) };
  } finally {
    clearTimeout(timer);
  }
}

export async function checkDatabase(): Promise<CheckResult> {
  return timed(async () => {
    await prisma.$queryRaw`SELECT 1`;
    return { ok: true };
  });
}

export async function checkMigrations(dir = MIGRATIONS_DIR): Promise<CheckResult> {
  return timed(async () => {
    const shipped = migrationsOnDisk(dir);
    if (!shipped) return { ok: false, detail: "the prisma/migrations folder is missing from this build; cannot tell whether the schema is current" };
    const [{ present }] = await prisma.$queryRaw<{ present: boolean }[]>`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`;
    const applied = present
      ? new Set(
          (await prisma.$queryRaw<{ migration_name: string }[]>`
            SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).map((row) => row.migration_name),
        )
      : new Set<string>();
    const pending = shipped.filter((name) => !applied.has(name));
    return pending.length ? { ok: false, pending, detail: "run `npm run db:migrate`" } : { ok: true, applied: shipped.length };
  });
}

export async function checkQueue(stuckSeconds = QUEUE_STUCK_SECONDS): Promise<CheckResult> {
  return timed(async () => {
    const [row] = await prisma.$queryRaw<{ due: number; oldest_seconds: number }[]>`
      SELECT count(*)::int AS due, coalesce(extract(epoch FROM now() - min(run_at)), 0)::float8 AS oldest_seconds
        FROM jobs WHERE status = 'queued' AND run_at <= now()`;
    const oldest = Math.round(row.oldest_seconds);
    return {
      ok: oldest < stuckSeconds,
      due: row.due,
      oldestDueSeconds: oldest,
      ...(oldest >= stuckSeconds ? { detail: `the oldest due job has waited ${oldest} s; is a worker calling POST /api/jobs/run?` } : {}),
    };
  });
}

const CHECKS: Record<CheckName, () => Promise<CheckResult>> = {
  // First to fail on SIGTERM, so the load balancer stops sending traffic before the exit.
  shutdown: async () => (isShuttingDown() ? { ok: false, ms: 0, detail: "stopping" } : { ok: true, ms: 0 }),
  database: () => checkDatabase(),
  migrations: () => checkMigrations(),
  queue: () => checkQueue(),
};

/** Runs the checks (all, or all but `skip`) at once; ready when every one passes. */
export async function checkReadiness(options: { skip?: CheckName[] } = {}): Promise<Readiness> {
  const names = (Object.keys(CHECKS) as CheckName[]).filter((name) => !options.skip?.includes(name));
  const results = await Promise.all(names.map((name) => CHECKS[name]()));
  const checks = Object.fromEntries(names.map((name, index) => [name, results[index]])) as Readiness["checks"];
  return { status: results.every((result) => result.ok) ? "ready" : "not_ready", checks };
}

export function parseSkip(value: string | null): CheckName[] {
  if (!value) return [];
  // Stopping is never skipped: a stopping instance must leave the load balancer's rotation.
  return value.split(",").map((part) => part.trim()).filter((part): part is CheckName => part in CHECKS && part !== "shutdown");
}
