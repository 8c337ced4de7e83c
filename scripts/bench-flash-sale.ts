// `npm run bench:flash-sale`: 1,000 places, 5,000 buyers pressing "buy" in the same second.
//
//   1. the production app as `npm start` runs it (scripts/run.ts start, embedded PostgreSQL
//      in a fresh .data/bench-flash), built first if there is no .next/BUILD_ID;
//   2. 5,000 buyers prepared ahead in its database: users and personal API tokens (only the
//      SHA-256 is stored, as lib/api/tokens does); one event with one ticket type of 1,000;
//   3. the sale: every buyer sends POST /api/events/:id/buy (Bearer token, one ticket) at
//      once, each on its own connection and from its own address (X-Forwarded-For, so the
//      per-address rate limit sees 5,000 people, not one): throughput, p50/p95/p99, sold,
//      error breakdown; asserted: exactly 1,000 sold, no ticket type over capacity;
//   4. the ceiling: the same sale directly in SQL, the statements of reserveTickets
//      (lib/orders/reserve-tickets.ts) run by 5,000 concurrent transactions over a pg Pool
//      of the app's pool size, against the same database; the ratio app / SQL;
//   5. while each runs, the holder of the ticket type's row lock is sampled every 20 ms
//      (pg_blocking_pids): is it working in PostgreSQL ("active") or waiting for its client
//      ("idle in transaction")? That is where the lock hold time goes.
// Steps 3-5 are repeated for each DATABASE_POOL_SIZE of --pool-sizes (the app restarted on
// the same data): the first is the shipped default, the others the tuned settings.
//
// Prints tables and writes bench/results/flash-sale-<timestamp>.json.
// Options: --buyers 5000 --places 1000 --pool-sizes 10,20 --port 3310 --out <file> --keep
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { hashApiToken } from "../lib/api/tokens";
import {
  check,
  ensureProductionBuild,
  environment,
  ms,
  machineCpuSeconds,
  ownCpuSeconds,
  postgresVersion,
  processTreeCpu,
  printTable,
  ratio,
  round,
  startApp,
  stats,
  withClient,
  writeResults,
  type RunningApp,
  type Stats,
} from "./lib/bench-common";
import { breakdown, fireBurst, type BurstRequest } from "./lib/bench-http";
import { findFreePort } from "./lib/embedded-postgres";

const { values } = parseArgs({
  options: {
    buyers: { type: "string", default: "5000" },
    places: { type: "string", default: "1000" },
    "pool-sizes": { type: "string", default: "10,20" },
    port: { type: "string" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const BUYERS = Number(values.buyers);
const PLACES = Number(values.places);
const POOL_SIZES = values["pool-sizes"]!.split(",").map(Number);
const DATA_DIR = path.resolve(".data/bench-flash");
const WARM_UP_BUYERS = 40;
const REQUEST_TIMEOUT_MS = 120_000;

type Buyer = { userId: string; secret: string };
type Sale = { eventId: string; ticketTypeId: string };

/** Buyers with one API token each, written in two set-based statements. */
async function prepareBuyers(client: pg.Client, count: number, prefix: string): Promise<Buyer[]> {
  const emails = Array.from({ length: count }, (_, index) => `${prefix}-${index}@example.test`);
  const users = await client.query<{ id: string; email: string }>(
    `INSERT INTO users (email, name, password_hash)
     SELECT e, 'Flash Buyer ' || n, 'not-a-password-hash' FROM unnest($1::text[]) WITH ORDINALITY AS x(e, n)
     RETURNING id, email`,
    [emails],
  );
  const idByEmail = new Map(users.rows.map((row) => [row.email, row.id]));
  const buyers = emails.map((email) => ({ userId: idByEmail.get(email)!, secret: `lt_${randomBytes(32).toString("base64url")}` }));
  await client.query(
    `INSERT INTO api_tokens (user_id, name, token_hash, token_hint)
     SELECT u, 'flash sale', h, right(s, 4) FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(u, h, s)`,
    [buyers.map((buyer) => buyer.userId), buyers.map((buyer) => hashApiToken(buyer.secret)), buyers.map((buyer) => buyer.secret)],
  );
  return buyers;
}

/** A published event in 30 days with one ticket type of `capacity` places, at a venue of its own. */
async function prepareSale(client: pg.Client, name: string, capacity: number): Promise<Sale> {
  const suffix = randomBytes(4).toString("hex");
  const { rows: [venue] } = await client.query<{ id: string }>(
    `INSERT INTO venues (name, address, city, neighbourhood, time_zone)
     VALUES ($1, '1 Arena Way', 'Lisbon', 'Belém', 'Europe/Lisbon') RETURNING id`,
    [`Flash Arena ${suffix}`],
  );
  const { rows: [event] } = await client.query<{ id: string }>(
    `INSERT INTO events (slug, title, summary, description, category, city, neighbourhood, image_path, image_alt, status, venue_id)
     VALUES ($1, $2, 'One night only.', 'A flash sale benchmark event.', 'concert', 'Lisbon', 'Belém',
             '/images/events/fado-a-noite-alfama.webp', '', 'published', $3) RETURNING id`,
    [`flash-${name}-${suffix}`, `Flash Sale ${name}`, venue.id],
  );
  const { rows: [session] } = await client.query<{ id: string }>(
    `INSERT INTO event_sessions (event_id, venue_id, starts_at, ends_at)
     VALUES ($1, $2, now() + interval '30 days', now() + interval '30 days 3 hours') RETURNING id`,
    [event.id, venue.id],
  );
  const { rows: [type] } = await client.query<{ id: string }>(
    `INSERT INTO ticket_types (session_id, name, price_minor, capacity) VALUES ($1, 'Standing', 2500, $2) RETURNING id`,
    [session.id, capacity],
  );
  return { eventId: event.id, ticketTypeId: type.id };
}

function buyRequests(app: RunningApp, sale: Sale, buyers: Buyer[], addressOffset: number): BurstRequest[] {
  return buyers.map((buyer, index) => {
    const n = addressOffset + index;
    return {
      url: `${app.baseUrl}/api/events/${sale.eventId}/buy`,
      method: "POST",
      headers: {
        authorization: `Bearer ${buyer.secret}`,
        "content-type": "application/json",
        // 198.18.0.0/15 is reserved for benchmarks: a header value only, never an address we send to.
        "x-forwarded-for": `198.18.${(n >> 8) & 255}.${n & 255}`,
      },
      body: JSON.stringify({ items: [{ ticketTypeId: sale.ticketTypeId, quantity: 1 }] }),
    };
  });
}

type LockSamples = { samples: number; holderActive: number; holderIdleInTransaction: number; waiting: number[]; connections: number[] };

/**
 * Every 20 ms: who holds the lock the others wait for, and in which state; how many
 * backends wait on a lock; how many connections the app has open.
 */
function sampleLocks(url: string): { stop: () => Promise<LockSamples> } {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  const result: LockSamples = { samples: 0, holderActive: 0, holderIdleInTransaction: 0, waiting: [], connections: [] };
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ waiting: number; connections: number; holder_state: string | null }>(`
        WITH w AS (SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()),
             h AS (SELECT DISTINCT unnest(pg_blocking_pids(pid)) AS pid FROM w)
        SELECT (SELECT count(*)::int FROM w) AS waiting,
               (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND pid <> pg_backend_pid()) AS connections,
               (SELECT a.state FROM pg_stat_activity a JOIN h ON h.pid = a.pid
                 WHERE NOT EXISTS (SELECT 1 FROM w WHERE w.pid = a.pid) LIMIT 1) AS holder_state`);
      const row = rows[0];
      result.samples++;
      result.waiting.push(row.waiting);
      result.connections.push(row.connections);
      if (row.holder_state === "active") result.holderActive++;
      if (row.holder_state?.startsWith("idle in transaction")) result.holderIdleInTransaction++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await client.end();
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return result;
    },
  };
}

type Usage = { cpuSeconds: { app: number; postgres: number; loadGenerator: number; otherProcesses: number }; transactions: number; cpuMsPerBuyer: { app: number; postgres: number }; transactionsPerBuyer: number };

/** CPU of the app (Next), of PostgreSQL and of this process, and database transactions, over a phase. */
async function measureUsage(app: RunningApp, client: pg.Client): Promise<{ stop: (buyers: number) => Promise<Usage> }> {
  const xacts = async () => {
    await client.query("SELECT pg_stat_clear_snapshot()");
    const { rows } = await client.query<{ n: string }>("SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = current_database()");
    return Number(rows[0].n);
  };
  const cpu0 = processTreeCpu(app.pid);
  const own0 = ownCpuSeconds();
  const machine0 = machineCpuSeconds();
  const xacts0 = await xacts();
  return {
    stop: async (buyers) => {
      const cpu1 = processTreeCpu(app.pid);
      const own1 = ownCpuSeconds();
      const machine1 = machineCpuSeconds();
      // Backends report their counters at most once a second.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const transactions = (await xacts()) - xacts0 - 2;
      const appSeconds = cpu1.app - cpu0.app;
      const postgresSeconds = cpu1.postgres - cpu0.postgres;
      const loadGeneratorSeconds = own1 - own0;
      // Anything else on the machine (another build or test run) competes for the two cores.
      const otherSeconds = Math.max(0, machine1 - machine0 - appSeconds - postgresSeconds - loadGeneratorSeconds);
      const cpuSeconds = { app: round(appSeconds, 1), postgres: round(postgresSeconds, 1), loadGenerator: round(loadGeneratorSeconds, 1), otherProcesses: round(otherSeconds, 1) };
      return {
        cpuSeconds,
        transactions,
        cpuMsPerBuyer: { app: round((cpuSeconds.app * 1000) / buyers), postgres: round((cpuSeconds.postgres * 1000) / buyers) },
        transactionsPerBuyer: round(transactions / buyers),
      };
    },
  };
}

function summariseLocks(samples: LockSamples) {
  const withHolder = samples.holderActive + samples.holderIdleInTransaction;
  const mean = (list: number[]) => round(list.reduce((sum, value) => sum + value, 0) / (list.length || 1), 1);
  return {
    samples: samples.samples,
    holderSeen: withHolder,
    // Of the samples where someone held the lock others waited for: was it busy in the database?
    holderActiveShare: withHolder ? round(samples.holderActive / withHolder, 3) : null,
    holderIdleInTransactionShare: withHolder ? round(samples.holderIdleInTransaction / withHolder, 3) : null,
    meanWaitingOnLock: mean(samples.waiting),
    maxWaitingOnLock: Math.max(0, ...samples.waiting),
    meanConnections: mean(samples.connections),
    maxConnections: Math.max(0, ...samples.connections),
  };
}

/** Sold = places taken (held by pending orders, or sold); asserted against what the buyers were told. */
async function verifySale(client: pg.Client, sale: Sale, successes: number) {
  const { rows: [type] } = await client.query<{ capacity: number; sold: number; held: number }>(
    "SELECT capacity, sold, held FROM ticket_types WHERE id = $1",
    [sale.ticketTypeId],
  );
  const { rows: [items] } = await client.query<{ orders: number; places: number }>(
    `SELECT count(DISTINCT oi.order_id)::int AS orders, coalesce(sum(oi.quantity), 0)::int AS places
       FROM order_items oi JOIN orders o ON o.id = oi.order_id
      WHERE oi.ticket_type_id = $1 AND oi.status IN ('held', 'sold') AND o.status IN ('pending', 'paid')`,
    [sale.ticketTypeId],
  );
  const { rows: [over] } = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM ticket_types WHERE sold + held > capacity");
  const sold = type.sold + type.held;
  check(over.count === 0, `${over.count} ticket type(s) over capacity`);
  check(sold <= type.capacity, `oversold: ${sold} of ${type.capacity}`);
  check(items.places === sold, `order lines hold ${items.places} places but the ticket type counts ${sold}`);
  check(successes === items.orders, `${successes} buyers were told they bought but ${items.orders} orders hold places`);
  check(sold === PLACES, `sold ${sold}, expected exactly ${PLACES}`);
  return { capacity: type.capacity, sold, orders: items.orders };
}

type SaleFigures = {
  buyers: number;
  seconds: number;
  requestsPerSecond: number;
  soldOutAfterSeconds: number;
  salesPerSecond: number;
  latency: Stats;
  breakdown: Record<string, number>;
  sold: number;
  lock: ReturnType<typeof summariseLocks>;
  usage: Usage;
};

async function runHttpSale(app: RunningApp, client: pg.Client, buyers: Buyer[], warmUpBuyers: Buyer[], label: string): Promise<SaleFigures> {
  // Warm-up on a sale of its own: route modules loaded, the app's pool connected.
  const warmUp = await prepareSale(client, `warm-up-${label}`, 10 * WARM_UP_BUYERS);
  for (let i = 0; i < 3; i++) await (await fetch(`${app.baseUrl}/api/events/${warmUp.eventId}/buy`)).arrayBuffer();
  const warm = await fireBurst(buyRequests(app, warmUp, warmUpBuyers, 60_000), { timeoutMs: REQUEST_TIMEOUT_MS });
  check(warm.results.every((result) => result.status === 201), `warm-up purchases failed: ${JSON.stringify(breakdown(warm.results))}`);

  const sale = await prepareSale(client, label, PLACES);
  const usage = await measureUsage(app, client);
  const sampler = sampleLocks(app.databaseUrl);
  const { results, wallMs } = await fireBurst(buyRequests(app, sale, buyers, 0), { timeoutMs: REQUEST_TIMEOUT_MS });
  const lock = summariseLocks(await sampler.stop());
  const used = await usage.stop(results.length);
  const successes = results.filter((result) => result.status === 201);
  const verified = await verifySale(client, sale, successes.length);
  const soldOutMs = Math.max(...successes.map((result) => result.endMs));
  return {
    buyers: results.length,
    seconds: round(wallMs / 1000),
    requestsPerSecond: round(results.length / (wallMs / 1000), 1),
    soldOutAfterSeconds: round(soldOutMs / 1000),
    salesPerSecond: round(successes.length / (soldOutMs / 1000), 1),
    latency: stats(results.map((result) => result.latencyMs)),
    breakdown: breakdown(results),
    sold: verified.sold,
    lock,
    usage: used,
  };
}

/**
 * The same purchase as reserveTickets, statement for statement, straight over pg: lock the
 * ticket type, give back expired holds, read it with its session and event, check, write the
 * order and its line, count the place as held. No HTTP, no auth, no ORM: the ceiling.
 */
async function buyInSql(pool: pg.Pool, userId: string, ticketTypeId: string): Promise<"ok" | "sold_out"> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query("SELECT id FROM ticket_types WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE", [[ticketTypeId]]);
    await client.query(
      `WITH released AS (
         UPDATE order_items oi SET status = 'released'
           FROM orders o
          WHERE oi.order_id = o.id AND oi.ticket_type_id = ANY($1::uuid[]) AND oi.status = 'held'
            AND o.status = 'pending' AND o.hold_expires_at <= now()
         RETURNING oi.ticket_type_id, oi.quantity
       ), totals AS (SELECT ticket_type_id, sum(quantity)::int AS quantity FROM released GROUP BY ticket_type_id)
       UPDATE ticket_types tt SET held = tt.held - totals.quantity FROM totals WHERE tt.id = totals.ticket_type_id`,
      [[ticketTypeId]],
    );
    const { rows: [type] } = await client.query<{ id: string; event_id: string; price_minor: number; currency: string; capacity: number; sold: number; held: number; starts_at: Date; session_cancelled: boolean; event_status: string }>(
      `SELECT tt.id, tt.name, tt.session_id, s.event_id, tt.price_minor, tt.currency, tt.capacity, tt.sold, tt.held,
              s.starts_at, s.cancelled AS session_cancelled, e.status::text AS event_status
         FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id JOIN events e ON e.id = s.event_id
        WHERE tt.id = ANY($1::uuid[])`,
      [[ticketTypeId]],
    );
    if (type.event_status !== "published" || type.session_cancelled || type.starts_at <= new Date() || type.capacity - type.sold - type.held < 1) {
      await client.query("ROLLBACK");
      return "sold_out";
    }
    const { rows: [order] } = await client.query<{ id: string }>(
      `INSERT INTO orders (reference, user_id, event_id, total_minor, currency, hold_expires_at)
       VALUES ($1, $2::uuid, $3::uuid, $4, $5, now() + make_interval(mins => 10)) RETURNING id, reference, hold_expires_at`,
      [`FS-${randomBytes(6).toString("hex").toUpperCase()}`, userId, type.event_id, type.price_minor, type.currency],
    );
    await client.query(
      `INSERT INTO order_items (order_id, ticket_type_id, quantity, unit_price_minor)
       SELECT $1::uuid, t.id, t.quantity, tt.price_minor
         FROM unnest($2::uuid[], $3::int[]) AS t(id, quantity) JOIN ticket_types tt ON tt.id = t.id`,
      [order.id, [ticketTypeId], [1]],
    );
    await client.query(
      `UPDATE ticket_types tt SET held = tt.held + t.quantity
         FROM unnest($1::uuid[], $2::int[]) AS t(id, quantity) WHERE tt.id = t.id`,
      [[ticketTypeId], [1]],
    );
    await client.query("COMMIT");
    return "ok";
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function runSqlSale(app: RunningApp, client: pg.Client, buyers: Buyer[], poolSize: number, label: string) {
  const pool = new pg.Pool({ connectionString: app.databaseUrl, max: poolSize });
  // An idle client's connection error must not end the benchmark (it is reported per purchase).
  pool.on("error", () => {});
  // Warm-up: connect the whole pool.
  await Promise.all(Array.from({ length: poolSize }, async () => (await pool.query("SELECT 1")).rows));
  const sale = await prepareSale(client, `sql-${label}`, PLACES);
  const usage = await measureUsage(app, client);
  const sampler = sampleLocks(app.databaseUrl);
  const origin = performance.now();
  const outcomes = await Promise.all(
    buyers.map(async (buyer) => {
      const started = performance.now();
      let outcome: string;
      try {
        outcome = await buyInSql(pool, buyer.userId, sale.ticketTypeId);
      } catch (error) {
        outcome = `error: ${(error as { code?: string }).code ?? (error as Error).message}`;
      }
      const now = performance.now();
      return { outcome, latencyMs: now - started, endMs: now - origin };
    }),
  );
  const lock = summariseLocks(await sampler.stop());
  const used = await usage.stop(outcomes.length);
  await pool.end();
  const wallMs = Math.max(...outcomes.map((outcome) => outcome.endMs));
  const successes = outcomes.filter((outcome) => outcome.outcome === "ok");
  const verified = await verifySale(client, sale, successes.length);
  const soldOutMs = Math.max(...successes.map((outcome) => outcome.endMs));
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome.outcome] = (counts[outcome.outcome] ?? 0) + 1;
  return {
    buyers: outcomes.length,
    poolSize,
    seconds: round(wallMs / 1000),
    requestsPerSecond: round(outcomes.length / (wallMs / 1000), 1),
    soldOutAfterSeconds: round(soldOutMs / 1000),
    salesPerSecond: round(successes.length / (soldOutMs / 1000), 1),
    latency: stats(outcomes.map((outcome) => outcome.latencyMs)),
    breakdown: counts,
    sold: verified.sold,
    lock,
    usage: used,
  };
}

async function main() {
  const startedAt = new Date();
  const build = ensureProductionBuild();
  const port = values.port ? Number(values.port) : await findFreePort(3310);
  const rounds: { poolSize: number; http: SaleFigures; sql: Awaited<ReturnType<typeof runSqlSale>>; ratio: number | null; startSeconds: number }[] = [];
  let buyers: Buyer[] = [];
  let warmUpBuyers: Buyer[] = [];
  let postgres = "";
  try {
    for (const [index, poolSize] of POOL_SIZES.entries()) {
      const label = `pool-${poolSize}`;
      console.log(`\n[${label}] starting the production app (scripts/run.ts start, DATABASE_POOL_SIZE=${poolSize})…`);
      const appStarted = Date.now();
      const app = await startApp({ dataDir: DATA_DIR, port, fresh: index === 0, env: { DATABASE_POOL_SIZE: String(poolSize) } as unknown as NodeJS.ProcessEnv });
      const startSeconds = round((Date.now() - appStarted) / 1000, 1);
      try {
        if (index === 0) {
          postgres = await postgresVersion(app.databaseUrl);
          console.log(`[${label}] preparing ${BUYERS} buyers with API tokens…`);
          await withClient(app.databaseUrl, async (client) => {
            buyers = await prepareBuyers(client, BUYERS, "flash-buyer");
            warmUpBuyers = await prepareBuyers(client, WARM_UP_BUYERS, "flash-warm-up");
          });
        }
        const figures = await withClient(app.databaseUrl, async (client) => {
          console.log(`[${label}] the sale over HTTP: ${BUYERS} buyers, ${PLACES} places…`);
          const http = await runHttpSale(app, client, buyers, warmUpBuyers, label);
          console.log(`[${label}]   ${http.requestsPerSecond} req/s, sold out after ${http.soldOutAfterSeconds}s, p95 ${ms(http.latency.p95)} ms, ${JSON.stringify(http.breakdown)}`);
          console.log(`[${label}] the same sale in SQL (pg Pool of ${poolSize})…`);
          const sql = await runSqlSale(app, client, buyers, poolSize, label);
          console.log(`[${label}]   ${sql.requestsPerSecond} tx/s, sold out after ${sql.soldOutAfterSeconds}s, p95 ${ms(sql.latency.p95)} ms`);
          return { http, sql };
        });
        rounds.push({ poolSize, ...figures, ratio: ratio(figures.http.requestsPerSecond, figures.sql.requestsPerSecond), startSeconds });
      } finally {
        await app.stop();
      }
    }
  } finally {
    if (!values.keep) rmSync(DATA_DIR, { recursive: true, force: true });
  }

  printTable(
    `Flash sale: ${BUYERS} buyers, ${PLACES} places, one ticket each (latency in ms, from each buyer's own send)`,
    ["path", "pool", "req/s", "sold out s", "sales/s", "p50", "p95", "p99", "sold", "409 sold out", "other", "app/SQL"],
    rounds.flatMap((round) => [
      ["HTTP POST /api/events/:id/buy", round.poolSize, round.http.requestsPerSecond, round.http.soldOutAfterSeconds, round.http.salesPerSecond,
        ms(round.http.latency.p50), ms(round.http.latency.p95), ms(round.http.latency.p99), round.http.sold,
        round.http.breakdown["409 sold_out"] ?? 0, round.http.buyers - round.http.sold - (round.http.breakdown["409 sold_out"] ?? 0), round.ratio],
      ["SQL, same statements (ceiling)", round.poolSize, round.sql.requestsPerSecond, round.sql.soldOutAfterSeconds, round.sql.salesPerSecond,
        ms(round.sql.latency.p50), ms(round.sql.latency.p95), ms(round.sql.latency.p99), round.sql.sold,
        round.sql.breakdown.sold_out ?? 0, round.sql.buyers - round.sql.sold - (round.sql.breakdown.sold_out ?? 0), null],
    ]),
  );
  printTable(
    "Who holds the ticket type's row lock while others wait (sampled every 20 ms)",
    ["path", "pool", "holder busy in PG", "holder waiting for client", "waiting on lock (mean)", "connections (max)"],
    rounds.flatMap((round) => [
      ["HTTP", round.poolSize, round.http.lock.holderActiveShare, round.http.lock.holderIdleInTransactionShare, round.http.lock.meanWaitingOnLock, round.http.lock.maxConnections],
      ["SQL", round.poolSize, round.sql.lock.holderActiveShare, round.sql.lock.holderIdleInTransactionShare, round.sql.lock.meanWaitingOnLock, round.sql.lock.maxConnections],
    ]),
  );
  printTable(
    "Where the CPU goes during the sale (2 cores shared by the app, PostgreSQL and the load generator)",
    ["path", "pool", "app CPU s", "PostgreSQL CPU s", "load generator CPU s", "other processes CPU s", "app CPU ms/buyer", "PG CPU ms/buyer", "DB transactions/buyer"],
    rounds.flatMap((round) => [
      ["HTTP", round.poolSize, round.http.usage.cpuSeconds.app, round.http.usage.cpuSeconds.postgres, round.http.usage.cpuSeconds.loadGenerator, round.http.usage.cpuSeconds.otherProcesses,
        round.http.usage.cpuMsPerBuyer.app, round.http.usage.cpuMsPerBuyer.postgres, round.http.usage.transactionsPerBuyer],
      ["SQL", round.poolSize, round.sql.usage.cpuSeconds.app, round.sql.usage.cpuSeconds.postgres, round.sql.usage.cpuSeconds.loadGenerator, round.sql.usage.cpuSeconds.otherProcesses,
        round.sql.usage.cpuMsPerBuyer.app, round.sql.usage.cpuMsPerBuyer.postgres, round.sql.usage.transactionsPerBuyer],
    ]),
  );
  for (const round of rounds) console.log(`  HTTP outcomes, pool ${round.poolSize}: ${JSON.stringify(round.http.breakdown)}`);

  const result = {
    part: "flash-sale",
    startedAt: startedAt.toISOString(),
    durationSeconds: round((Date.now() - startedAt.getTime()) / 1000, 1),
    environment: { ...environment(), postgres },
    build,
    buyers: BUYERS,
    places: PLACES,
    rounds,
  };
  const file = writeResults("flash-sale", startedAt, result, values.out);
  console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(`Flash sale benchmark failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
