// Shared by `npm run dev`, `npm start`, `npm run db:seed`, the tests and benchmarks: get a
// database URL (embedded server or DATABASE_URL), apply migrations, seed demo data when empty.
// Demo data includes a well-known admin login, so only the embedded (local) database is seeded
// on start; any other database only by an explicit `npm run db:seed`.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
import { applyMigrations } from "../../lib/db/migrations";
import { seedDemoData } from "../../lib/db/seed-demo";
import { DEMO_ACCOUNT_PREFIX, demoPaymentsOf } from "../../lib/db/seed-demo-hosts";
import { startEmbeddedPostgres, type RunningPostgres } from "./embedded-postgres";

export class StartupError extends Error {}

/** Connects once to prove the URL works, turning driver errors into one clear line. */
export async function checkDatabaseReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const where = safeHost(url);
    throw new StartupError(
      `Cannot connect to the database at ${where} (${(error as Error).message}). Fix DATABASE_URL, or unset it to use the embedded PostgreSQL.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

function safeHost(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "an unparseable DATABASE_URL";
  }
}

export async function openDatabase(options: {
  externalUrl?: string;
  dataDir: string;
  quiet?: boolean;
}): Promise<{ url: string; embedded?: RunningPostgres }> {
  if (options.externalUrl) {
    await checkDatabaseReachable(options.externalUrl);
    return { url: options.externalUrl };
  }
  const embedded = await startEmbeddedPostgres({ dataDir: options.dataDir, database: "local_tickets", quiet: options.quiet });
  return { url: embedded.url, embedded };
}

export async function seedIfEmpty(url: string, now = new Date()): Promise<boolean> {
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const [users, events] = await Promise.all([prisma.user.count(), prisma.event.count()]);
    if (users > 0 || events > 0) return false;
    // The demo's on-sale opens 5 minutes after the first start, or DEMO_ON_SALE_IN_MINUTES (the e2e suite's).
    const onSaleInMinutes = Number(process.env.DEMO_ON_SALE_IN_MINUTES);
    await seedDemoData(prisma, { now, payments: demoPaymentsOf(process.env), ...(Number.isFinite(onSaleInMinutes) && onSaleInMinutes > 0 ? { onSaleInMinutes } : {}) });
    return true;
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * Migrations, then demo data when `demoData` is "if-empty" and the database has no users or
 * events. Start-up passes "if-empty" only for the embedded database (see demoDataPolicy).
 */
export async function migrateAndSeed(url: string, options: { demoData: "if-empty" | "never" }): Promise<{ applied: string[]; seeded: boolean; demoAccountsForgotten: number }> {
  const applied = await applyMigrations(url);
  const seeded = options.demoData === "if-empty" ? await seedIfEmpty(url) : false;
  const demoAccountsForgotten = options.demoData === "if-empty" && demoPaymentsOf(process.env) === "stripe" ? await forgetDemoAccounts(url) : 0;
  return { applied, seeded, demoAccountsForgotten };
}

/**
 * A demo seeded without keys and started with Stripe's: its hosts' made-up accounts
 * (acct_demo_…) mean nothing to Stripe, which would refuse every checkout on their behalf.
 * They are let go, so those hosts show "connect" in Payouts instead of failing at checkout.
 */
export async function forgetDemoAccounts(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(
      `UPDATE hosts SET stripe_account_id = NULL, charges_enabled = false, details_submitted = false, payouts_enabled = false
        WHERE starts_with(stripe_account_id, $1)`,
      [DEMO_ACCOUNT_PREFIX],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}

/** Start-up seeds the embedded database (a local demo), never a DATABASE_URL (a real one). */
export function demoDataPolicy(database: { embedded?: unknown }): "if-empty" | "never" {
  return database.embedded ? "if-empty" : "never";
}
