// `npm run bench:admin`: how fast is the admin dashboard's analytics with 100,000 orders?
//
//   1. a fresh embedded PostgreSQL in .data/bench-admin-pg, migrated, with a generated
//      catalogue (scripts/lib/bench-catalog.ts), 20,000 buyers and 100,000 orders spread over
//      the last year, written with set-based SQL: order lines, tickets of paid orders,
//      delivery and refund jobs, in realistic proportions (paid, refunded, expired, pending);
//   2. the exact code behind the dashboard (queryAnalytics in lib/analytics/analytics-sql.ts,
//      which takes the client as an argument) for several date ranges, many rounds each,
//      through a Prisma client like the app's: p50/p95 per range and overall;
//   3. which indexes those queries read (pg_stat_user_indexes before and after).
//
// Prints a table and writes bench/results/admin-<timestamp>.json.
// Options: --orders 100000  --events 2000  --rounds 20  --keep
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { queryAnalytics } from "../lib/analytics/analytics-sql";
import { parseDateRange } from "../lib/analytics/range";
import { applyMigrations } from "../lib/db/migrations";
import { generateCatalog } from "./lib/bench-catalog";
import { startEmbeddedPostgres } from "./lib/embedded-postgres";
import { stats, type Stats } from "./lib/bench-common";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "100000" },
    events: { type: "string", default: "2000" },
    rounds: { type: "string", default: "20" },
    keep: { type: "boolean", default: false },
  },
});
const ORDERS = Number(values.orders);
const EVENTS = Number(values.events);
const ROUNDS = Number(values.rounds);
const BUYERS = 20_000;
const DATA_DIR = path.resolve(".data/bench-admin-pg");
const RESULTS_DIR = path.resolve("bench/results");

function isoDay(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Buyers and orders with SQL only. Every "random" choice is a function of the row number,
 * so a run is repeatable. Status mix per 100 orders: 80 paid, 4 refund owed, 3 refunded,
 * 9 expired, 4 pending; 1-4 tickets each; sale times spread evenly over the last 365 days.
 */
async function seedOrders(client: pg.Client, orders: number, now: Date): Promise<Record<string, number>> {
  await client.query(`
    INSERT INTO users (email, name, password_hash)
    SELECT 'bench-buyer-' || g || '@example.test', 'Bench Buyer ' || g, 'not-a-hash' FROM generate_series(1, $1) AS g`, [BUYERS]);
  await client.query(`
    CREATE TEMP TABLE bench_buyers AS
      SELECT row_number() OVER (ORDER BY id) - 1 AS n, id FROM users WHERE email LIKE 'bench-buyer-%';
    CREATE TEMP TABLE bench_types AS
      SELECT row_number() OVER (ORDER BY tt.id) - 1 AS n, tt.id, tt.price_minor, tt.currency, s.event_id
        FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id JOIN events e ON e.id = s.event_id
       WHERE e.status = 'published';
    CREATE INDEX ON bench_types (n);
    CREATE INDEX ON bench_buyers (n);`);

  await client.query(`
    CREATE TEMP TABLE bench_orders AS
      SELECT g, gen_random_uuid() AS id,
             'LT-B' || lpad(g::text, 7, '0') AS reference,
             b.id AS user_id, t.id AS ticket_type_id, t.event_id, t.price_minor, t.currency,
             1 + (g * 7) % 4 AS quantity,
             $2::timestamptz - ((g::bigint * 7919) % (365 * 86400)) * interval '1 second' AS created_at,
             CASE WHEN g % 100 < 80 THEN 'paid' WHEN g % 100 < 84 THEN 'refund_required' WHEN g % 100 < 87 THEN 'refunded'
                  WHEN g % 100 < 96 THEN 'expired' ELSE 'pending' END::order_status AS status
        FROM generate_series(1, $1) AS g
        JOIN bench_buyers b ON b.n = (g * 31) % ${BUYERS}
        JOIN bench_types t ON t.n = (g::bigint * 104729) % (SELECT count(*) FROM bench_types)`, [orders, now]);

  await client.query(`
    INSERT INTO orders (id, reference, user_id, buyer_email, buyer_name, event_id, status, total_minor, currency, hold_expires_at, payment_provider, created_at, paid_at)
    SELECT o.id, reference, user_id, lower(u.email), u.name, event_id, status, quantity * price_minor, currency, o.created_at + interval '10 minutes',
           CASE WHEN status IN ('paid', 'refund_required', 'refunded') THEN 'local' END,
           o.created_at,
           CASE WHEN status IN ('paid', 'refunded') OR (status = 'refund_required' AND g % 2 = 0) THEN o.created_at + interval '3 minutes' END
      FROM bench_orders o JOIN users u ON u.id = o.user_id`);
  await client.query(`
    INSERT INTO order_items (order_id, ticket_type_id, quantity, unit_price_minor, status)
    SELECT id, ticket_type_id, quantity, price_minor,
           CASE status WHEN 'paid' THEN 'sold' WHEN 'pending' THEN 'held' WHEN 'expired' THEN 'released' ELSE 'cancelled' END::hold_status
      FROM bench_orders`);
  await client.query(`
    INSERT INTO tickets (order_id, ticket_type_id, code, holder_name, status)
    SELECT o.id, o.ticket_type_id, md5(o.id::text || k) || md5(k || o.id::text), 'Bench Buyer',
           CASE WHEN o.status = 'paid' THEN 'valid' ELSE 'void' END::ticket_status
      FROM bench_orders o CROSS JOIN LATERAL generate_series(1, o.quantity) AS k
     WHERE o.status IN ('paid', 'refund_required', 'refunded')`);
  // The outbox: one delivery job per order that was paid, one refund job per refund.
  await client.query(`
    INSERT INTO jobs (kind, payload, status, attempts, last_error, unique_key, run_at, created_at, updated_at)
    SELECT 'deliver_order', jsonb_build_object('orderId', id::text),
           CASE WHEN g % 1000 = 3 THEN 'dead' WHEN g % 500 = 1 THEN 'queued' ELSE 'succeeded' END::job_status,
           CASE WHEN g % 1000 = 3 THEN 8 ELSE 1 END,
           CASE WHEN g % 1000 = 3 THEN 'SMTP 550: mailbox unavailable' END,
           'deliver_order:' || id, created_at, created_at, created_at + interval '1 minute'
      FROM bench_orders WHERE status IN ('paid', 'refund_required', 'refunded')`);
  await client.query(`
    INSERT INTO jobs (kind, payload, status, attempts, unique_key, run_at, created_at, updated_at)
    SELECT 'refund_order', jsonb_build_object('orderId', id::text),
           CASE WHEN status = 'refunded' THEN 'succeeded' ELSE 'queued' END::job_status, 1,
           'refund_order:' || id, created_at, created_at, created_at + interval '1 minute'
      FROM bench_orders WHERE status IN ('refund_required', 'refunded')`);
  // What autovacuum would have done by the time a real table holds this much.
  await client.query("VACUUM ANALYZE");
  const counts = await client.query<Record<string, number>>(`
    SELECT (SELECT count(*)::int FROM orders) AS orders, (SELECT count(*)::int FROM order_items) AS order_items,
           (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM jobs) AS jobs,
           (SELECT count(*)::int FROM users) AS users`);
  return counts.rows[0];
}

async function indexScans(client: pg.Client): Promise<Map<string, number>> {
  await client.query("SELECT pg_stat_force_next_flush()").catch(() => {});
  const rows = await client.query<{ name: string; scans: string }>(`
    SELECT relname || '.' || indexrelname AS name, idx_scan AS scans FROM pg_stat_user_indexes
     WHERE relname IN ('orders', 'order_items', 'bookings', 'jobs', 'ticket_types', 'event_sessions', 'events', 'users')`);
  return new Map(rows.rows.map((row) => [row.name, Number(row.scans)]));
}

async function main() {
  rmSync(DATA_DIR, { recursive: true, force: true });
  mkdirSync(RESULTS_DIR, { recursive: true });
  const now = new Date();
  console.log(`Starting PostgreSQL in ${path.relative(process.cwd(), DATA_DIR)} …`);
  const database = await startEmbeddedPostgres({ dataDir: DATA_DIR, database: "bench_admin", quiet: true });
  const client = new pg.Client({ connectionString: database.url });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 10 }) });
  try {
    await applyMigrations(database.url);
    await client.connect();
    let started = performance.now();
    const catalog = await generateCatalog(client, { events: EVENTS, venues: Math.max(20, Math.round(EVENTS / 12)), now });
    const counts = await seedOrders(client, ORDERS, now);
    const seedSeconds = Math.round((performance.now() - started) / 100) / 10;
    console.log(`Seeded ${catalog.events} events, ${catalog.ticketTypes} ticket types, ${counts.orders} orders, ${counts.order_items} order lines, ${counts.tickets} tickets, ${counts.jobs} jobs in ${seedSeconds} s`);

    const ranges = {
      "last 7 days (day)": { from: isoDay(-6), to: isoDay(0) },
      "last 30 days (day)": { from: isoDay(-29), to: isoDay(0) },
      "last 90 days (day)": { from: isoDay(-89), to: isoDay(0) },
      "last 365 days (week)": { from: isoDay(-364), to: isoDay(0) },
      "last 3 years (month)": { from: isoDay(-3 * 365 + 1), to: isoDay(0) },
    };
    // Warm-up: plans, caches, the pool.
    for (const query of Object.values(ranges)) await queryAnalytics(prisma, parseDateRange(query, now).range);
    const before = await indexScans(client);

    const byRange: Record<string, Stats & { ticketsSold: number; orders: number }> = {};
    const all: number[] = [];
    started = performance.now();
    for (const [name, query] of Object.entries(ranges)) {
      const range = parseDateRange(query, now).range;
      const samples: number[] = [];
      let figures = { ticketsSold: 0, orders: 0 };
      for (let round = 0; round < ROUNDS; round++) {
        const t0 = performance.now();
        const analytics = await queryAnalytics(prisma, range);
        samples.push(performance.now() - t0);
        figures = { ticketsSold: analytics.ticketsSold, orders: analytics.conversion.created };
      }
      all.push(...samples);
      byRange[name] = { ...stats(samples), ...figures };
    }
    const wallSeconds = Math.round((performance.now() - started) / 100) / 10;
    const after = await indexScans(client);
    const indexesRead = Object.fromEntries(
      [...after].map(([name, scans]) => [name, scans - (before.get(name) ?? 0)] as const).filter(([, delta]) => delta > 0).sort((a, b) => b[1] - a[1]),
    );

    const overall = stats(all);
    console.log(`\nqueryAnalytics (the dashboard's server work), ${ROUNDS} rounds per range:`);
    console.log(`${"range".padEnd(24)} ${"p50 ms".padStart(8)} ${"p95 ms".padStart(8)} ${"max ms".padStart(8)} ${"orders".padStart(8)} ${"tickets".padStart(8)}`);
    for (const [name, row] of Object.entries(byRange)) {
      console.log(`${name.padEnd(24)} ${String(row.p50).padStart(8)} ${String(row.p95).padStart(8)} ${String(row.max).padStart(8)} ${String(row.orders).padStart(8)} ${String(row.ticketsSold).padStart(8)}`);
    }
    console.log(`${"all".padEnd(24)} ${String(overall.p50).padStart(8)} ${String(overall.p95).padStart(8)} ${String(overall.max).padStart(8)}`);
    console.log("\nIndex scans during the timed runs:");
    for (const [name, scans] of Object.entries(indexesRead)) console.log(`  ${name}: ${scans}`);

    const result = {
      benchmark: "admin-analytics",
      at: now.toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 1e9), node: process.version, platform: `${os.platform()} ${os.release()}` },
      data: { ...catalog, ...counts, seedSeconds },
      rounds: ROUNDS,
      analyticsMs: { overall, byRange },
      wallSeconds,
      indexScans: indexesRead,
    };
    const file = path.join(RESULTS_DIR, `admin-${now.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z")}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nSaved ${path.relative(process.cwd(), file)}`);
  } finally {
    await prisma.$disconnect().catch(() => {});
    await client.end().catch(() => {});
    await database.stop();
    if (!values.keep) rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
