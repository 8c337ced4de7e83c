// `npm run bench:flash-sale`: an on-sale. 5,000 buyers press "buy" in the same second for
// 1,000 places over two ticket types, then the winners pay and get their tickets.
//
// For each app setup (--processes, e.g. 1,2: WEB_CONCURRENCY of `npm start`) and each machine
// condition (quiet, and --noisy: a CPU-bound process on one core, as a build or a neighbour
// would be), on the production app as `npm start` runs it (scripts/run.ts start, embedded
// PostgreSQL in a fresh .data/bench-flash):
//   1. ceiling 1, the framework: the same crowd on the cheapest route (GET /api/health);
//   2. the sale: every buyer sends POST /api/events/:id/buy at once, each on its own
//      connection, with a personal API token, an Idempotency-Key and a mixed basket (one
//      type, the other, both in either order, or two of one). Every answer is counted by
//      status and code; correctness is asserted (no oversell; answers, order lines and
//      counters agree);
//   3. ceiling 2, the database: the one-statement hold
//      `UPDATE ticket_types SET held = held + 1 WHERE id = $1 AND capacity - sold - held >= 1`
//      by the same number of concurrent attempts over a pg Pool of the app's size;
//   4. delivery: every held order is paid (POST /api/orders/:id/pay/local, 50 at a time) and
//      its PDF and email produced by the job queue; orders/s from the first payment to the
//      last email, while a trickle of buyers keeps asking (their latency is reported).
// CPU of the app, PostgreSQL, the load generator and anything else is measured per phase.
// Timings are printed and saved (bench/results/flash-sale-<time>.json), never asserted.
//
// With --faults (two app processes unless --processes says otherwise), during the sale
// PostgreSQL crashes (immediate shutdown) 2 s in and starts again 2.5 s later on the same data
// and port, and one app process is killed at 9 s; buyers retry network errors and 503s with
// the same Idempotency-Key (bounded, with backoff), and a 409 idempotency_in_flight too. Reported: answers by status and code,
// answers = order lines = counters, and the time from the database being back to the sale at
// full pace (scripts/lib/bench-faults.ts).
//
// With --guests SHARE (0..1), that share of the buyers buys without a token, as guests
// (`buyer: {email, name}` in the body, issue 27), in the same burst as the token buyers; the
// figures are also given per kind, each with its ratio to /api/health. Delivery pays the
// token buyers' orders only (a guest pays on the web page).
//
// With --code-uses N (issue 28), every buyer sends the same code, good for N places (10% off,
// this event only): the sale must give exactly N uses, N discounted places and no oversold place.
//
// Options: --buyers 5000 --places 1000 --processes 1,2 --noisy (adds the busy-machine runs)
//          --only-noisy --skip-delivery --faults --port N --out FILE --keep
//          --retry-500 (with --faults, buyers retry 500s too: a diagnostic while a lost
//          connection can still answer 500, to see how the sale recovers)
import { randomBytes, randomUUID } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { jobKey } from "../lib/jobs/kinds";
import {
  check,
  ensureProductionBuild,
  environment,
  ms,
  postgresVersion,
  printTable,
  ratio,
  round,
  startApp,
  stats,
  writeResults,
  type RunningApp,
  type Stats,
} from "./lib/bench-common";
import { breakdown, fireBurst, type BurstRequest, type BurstResult } from "./lib/bench-http";
import { findFreePort } from "./lib/embedded-postgres";
import { measureCpu, prepareBuyers, prepareSale, runHealthCeiling, startNoise, transactionsSoFar, withDb, type Buyer, type Db, type Sale, type Usage } from "./lib/bench-sale";
import { buyThroughFaults, FAULT_MAX_ATTEMPTS, FAULT_PLAN, paceAfterFaults, runFaultPlan, type Attempt, type FaultTimeline } from "./lib/bench-faults";

const { values } = parseArgs({
  options: {
    buyers: { type: "string", default: "5000" },
    places: { type: "string", default: "1000" },
    processes: { type: "string" },
    noisy: { type: "boolean", default: false },
    "only-noisy": { type: "boolean", default: false },
    "skip-delivery": { type: "boolean", default: false },
    faults: { type: "boolean", default: false },
    "retry-500": { type: "boolean", default: false },
    guests: { type: "string", default: "0" },
    "code-uses": { type: "string" },
    port: { type: "string" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const BUYERS = Number(values.buyers);
const PLACES = Number(values.places);
const FAULTS = values.faults!;
const GUEST_SHARE = Number(values.guests);
if (!(GUEST_SHARE >= 0 && GUEST_SHARE <= 1)) throw new Error("--guests is a share between 0 and 1");
/** Buyer `index` buys as a guest: spread evenly through the crowd (every other one at 0.5). */
const isGuest = (index: number) => Math.floor((index + 1) * GUEST_SHARE) > Math.floor(index * GUEST_SHARE);
const PROCESS_COUNTS = (values.processes ?? (FAULTS ? "2" : "1,2")).split(",").map(Number);
const CONDITIONS: ("quiet" | "noisy")[] = values["only-noisy"] ? ["noisy"] : values.noisy ? ["quiet", "noisy"] : ["quiet"];
const DATA_DIR = path.resolve(".data/bench-flash");
const POOL_SIZE = 10;
const REQUEST_TIMEOUT_MS = 120_000;
const PAY_CONCURRENCY = 50;
const DELIVERY_TIMEOUT_MS = 600_000;

const CODE_USES = values["code-uses"] === undefined ? null : Number(values["code-uses"]);

/** Mixed baskets, deterministic per buyer: A, B, A+B, B+A, or two of A. */
function basketOf(index: number, sale: Sale) {
  const [a, b] = sale.typeIds;
  switch (index % 5) {
    case 0: return [{ ticketTypeId: a, quantity: 1 }];
    case 1: return [{ ticketTypeId: b, quantity: 1 }];
    case 2: return [{ ticketTypeId: a, quantity: 1 }, { ticketTypeId: b, quantity: 1 }];
    case 3: return [{ ticketTypeId: b, quantity: 1 }, { ticketTypeId: a, quantity: 1 }];
    default: return [{ ticketTypeId: a, quantity: 2 }];
  }
}

function address(n: number): string {
  // 198.18.0.0/15 is reserved for benchmarks: a header value only, never an address we send to.
  return `198.18.${(n >> 8) & 255}.${n & 255}`;
}

function buyRequests(app: RunningApp, sale: Sale, buyers: Buyer[], offset: number): BurstRequest[] {
  return buyers.map((buyer, index) => {
    const guest = isGuest(offset + index);
    return {
      url: `${app.baseUrl}/api/events/${sale.eventId}/buy`,
      method: "POST",
      headers: {
        ...(guest ? {} : { authorization: `Bearer ${buyer.secret}` }),
        "content-type": "application/json",
        "idempotency-key": randomUUID(),
        // The app runs as behind one proxy (TRUSTED_PROXY_HOPS=1): 5,000 people, not one address.
        "x-forwarded-for": address(offset + index),
      },
      body: JSON.stringify({
        ...(guest ? { buyer: { email: `guest-${offset + index}-${buyer.userId.slice(0, 8)}@example.test`, name: `Guest ${offset + index}` } } : {}),
        items: basketOf(index, sale),
        ...(sale.code ? { voucher: sale.code.code } : {}),
      }),
    };
  });
}

/** The first wave's answers of one kind of buyer (token or guest), with its own pace. */
function kindFigures(results: BurstResult[], guest: boolean) {
  const mine = results.filter((_, index) => isGuest(index) === guest);
  if (mine.length === 0) return null;
  const wallMs = Math.max(...mine.map((result) => result.endMs));
  return { buyers: mine.length, requestsPerSecond: round(mine.length / (wallMs / 1000), 1), latency: stats(mine.map((result) => result.latencyMs)), answers: countAnswers(mine) };
}

/** Sold = places taken (held by pending orders, or sold); asserted against what the buyers were told. */
/**
 * What failed verification under --faults: reported with the figures, then the run fails
 * (without faults the first failure stops the run at once).
 */
const faultFailures: string[] = [];
function verify(condition: unknown, message: string): void {
  if (FAULTS && !condition) faultFailures.push(`${message}`);
  else check(condition, message);
}

async function verifySale(client: Db, sale: Sale, created: number, unanswered: number) {
  const { rows: types } = await client.query<{ capacity: number; sold: number; held: number }>("SELECT capacity, sold, held FROM ticket_types WHERE id = ANY($1::uuid[])", [sale.typeIds]);
  const { rows: [items] } = await client.query<{ orders: number; places: number }>(
    `SELECT count(DISTINCT oi.order_id)::int AS orders, coalesce(sum(oi.quantity), 0)::int AS places
       FROM order_items oi JOIN orders o ON o.id = oi.order_id
      WHERE oi.ticket_type_id = ANY($1::uuid[]) AND oi.status IN ('held', 'sold') AND o.status IN ('pending', 'paid')`,
    [sale.typeIds],
  );
  const { rows: [over] } = await client.query<{ count: number }>("SELECT count(*)::int AS count FROM ticket_types WHERE sold + held > capacity");
  const taken = types.reduce((sum, type) => sum + type.sold + type.held, 0);
  const capacity = types.reduce((sum, type) => sum + type.capacity, 0);
  verify(over.count === 0, `${over.count} ticket type(s) over capacity`);
  verify(taken <= capacity, `oversold: ${taken} of ${capacity}`);
  verify(items.places === taken, `order lines hold ${items.places} places but the ticket types count ${taken}`);
  // Every buyer told "bought" has an order; an order without a 201 can only be one whose
  // answer never arrived (a timeout, a dropped connection, a 5xx after the commit).
  verify(created <= items.orders, `${created} buyers were told they bought but only ${items.orders} orders hold places`);
  verify(items.orders - created <= unanswered, `${items.orders - created} orders were never confirmed to their buyers, but only ${unanswered} answers were lost`);
  let code: { maxUses: number; uses: number; discountedPlaces: number } | null = null;
  if (sale.code) {
    const { rows: [counted] } = await client.query<{ uses: number; places: number }>(
      `SELECT v.uses, (SELECT coalesce(sum(oi.quantity), 0)::int FROM orders o JOIN order_items oi ON oi.order_id = o.id
                         WHERE o.voucher_id = v.id AND oi.status IN ('held', 'sold') AND oi.list_unit_price_minor IS NOT NULL) AS places
         FROM vouchers v WHERE v.id = $1`,
      [sale.code.id],
    );
    code = { maxUses: sale.code.maxUses, uses: counted.uses, discountedPlaces: counted.places };
    verify(counted.uses <= sale.code.maxUses, `the code gave ${counted.uses} uses of ${sale.code.maxUses}`);
    verify(counted.uses === counted.places, `the code counts ${counted.uses} uses but ${counted.places} places are discounted`);
  }
  return { capacity, taken, orders: items.orders, ordersWithoutAnswer: items.orders - created, soldOutExactly: taken === capacity, code };
}

type SaleFigures = {
  buyers: number;
  seconds: number;
  requestsPerSecond: number;
  latency: Stats;
  refusalLatency: Stats;
  busyLatency: Stats;
  breakdown: Record<string, number>;
  answers: { created: number; refused409: number; busy503: number; busyWithRetryAfter: boolean; other5xx: number; otherStatus: number; connectionErrors: number; timeouts: number };
  withRetries: {
    attempts: number;
    breakdown: Record<string, number>;
    answers: ReturnType<typeof countAnswers>;
    soldOutAfterSeconds: number | null;
    everyoneAnsweredAfterSeconds: number;
    timeToFinalAnswer: Stats;
  };
  verified: Awaited<ReturnType<typeof verifySale>>;
  /** With --guests: the token buyers' and the guests' answers apart (each paced over its own last answer). */
  byKind: { token: ReturnType<typeof kindFigures>; guest: ReturnType<typeof kindFigures> } | null;
  faults: { plan: typeof FAULT_PLAN; maxAttempts: number; retried500: boolean; timeline: FaultTimeline; everyAttempt: Record<string, number>; pace: ReturnType<typeof paceAfterFaults> } | null;
  cpuSeconds: Usage;
  cpuSecondsWithRetries: Usage;
  cpuMsPerBuyer: { app: number; postgres: number };
  postgresCpuMsPerPlace: number;
  transactionsPerBuyer: number;
};

function countAnswers(results: BurstResult[]) {
  return {
    created: results.filter((r) => r.status === 201).length,
    refused409: results.filter((r) => r.status === 409).length,
    busy503: results.filter((r) => r.status === 503).length,
    busyWithRetryAfter: results.filter((r) => r.status === 503).every((r) => r.code === "busy" && (r.retryAfterSeconds ?? 0) >= 1),
    other5xx: results.filter((r) => r.status >= 500 && r.status !== 503).length,
    otherStatus: results.filter((r) => r.status !== 0 && r.status !== 201 && r.status !== 409 && r.status < 500).length,
    connectionErrors: results.filter((r) => r.status === 0 && r.code !== "network: timeout").length,
    timeouts: results.filter((r) => r.status === 0 && r.code === "network: timeout").length,
  };
}

const MAX_ATTEMPTS = 10;

/** Every try of every buyer by "status code" (or the network error), most frequent first. */
function breakdownOf(attempts: Attempt[]): Record<string, number> {
  return breakdown(attempts.map((attempt) => ({ ...attempt, latencyMs: 0 })));
}

/**
 * The sale: every buyer at once (the first wave: what the issue's figures count), then the
 * buyers told 503 come back when Retry-After says, with the same Idempotency-Key, until each
 * has a 201 or a 409 (at most MAX_ATTEMPTS tries): how long until everyone has a true answer.
 */
async function runSale(app: RunningApp, client: Db, buyers: Buyer[], label: string, processes: number): Promise<{ sale: Sale; figures: SaleFigures }> {
  const sale = await prepareSale(client, label, PLACES);
  if (CODE_USES !== null) {
    const code = `RACE${randomBytes(4).toString("hex").toUpperCase()}`;
    const { rows: [voucher] } = await client.query<{ id: string }>(
      "INSERT INTO vouchers (code, kind, value, max_uses, event_ids) VALUES ($1, 'percent_off', 10, $2, ARRAY[$3::uuid]) RETURNING id",
      [code, CODE_USES, sale.eventId],
    );
    sale.code = { id: voucher.id, code, maxUses: CODE_USES };
  }
  const xacts0 = await transactionsSoFar(client);
  const cpu = measureCpu(app);
  const requests = buyRequests(app, sale, buyers, 0);
  const saleStart = performance.now();
  const faultPlan = FAULTS
    ? runFaultPlan({ postgresDir: path.join(DATA_DIR, "pg"), runPid: app.pid, origin: saleStart, kill: processes >= 2 })
    : null;
  const { results, wallMs } = await fireBurst(requests, { timeoutMs: REQUEST_TIMEOUT_MS });
  const firstWaveCpu = cpu.stop();

  let attempts = results.length;
  const faultAttempts: Attempt[] = [];
  const final = await Promise.all(
    results.map(async (first, index) => {
      if (faultPlan) return buyThroughFaults(requests[index], first, { origin: saleStart, timeoutMs: REQUEST_TIMEOUT_MS, attempts: faultAttempts, firstEndMs: first.endMs, alsoRetry500: values["retry-500"] });
      let current = first;
      for (let attempt = 2; current.status === 503 && attempt <= MAX_ATTEMPTS; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, (current.retryAfterSeconds ?? 1) * 1000));
        attempts++;
        current = (await fireBurst([requests[index]], { timeoutMs: REQUEST_TIMEOUT_MS })).results[0];
      }
      return { ...current, endMs: performance.now() - saleStart };
    }),
  );
  const cpuSeconds = cpu.stop();
  // The database must be back (and the kill done) before the sale is checked.
  const timeline = faultPlan ? await faultPlan : null;
  if (faultPlan) attempts = faultAttempts.length;
  await new Promise((resolve) => setTimeout(resolve, 1500)); // backends report their counters at most once a second
  // After a restart the statistics start again from zero (an immediate shutdown discards them).
  const transactions = timeline ? 0 : (await transactionsSoFar(client)) - xacts0 - 2;
  const answers = countAnswers(results);
  const finalAnswers = countAnswers(final);
  const verified = await verifySale(client, sale, finalAnswers.created, finalAnswers.connectionErrors + finalAnswers.timeouts + finalAnswers.other5xx + finalAnswers.busy503);
  const sold = final.filter((r) => r.status === 201);
  return {
    sale,
    figures: {
      buyers: results.length,
      seconds: round(wallMs / 1000, 2),
      requestsPerSecond: round(results.length / (wallMs / 1000), 1),
      latency: stats(results.map((r) => r.latencyMs)),
      refusalLatency: stats(results.filter((r) => r.status === 409).map((r) => r.latencyMs)),
      busyLatency: stats(results.filter((r) => r.status === 503).map((r) => r.latencyMs)),
      breakdown: breakdown(results),
      answers,
      withRetries: {
        attempts,
        breakdown: breakdown(final),
        answers: finalAnswers,
        soldOutAfterSeconds: sold.length ? round(Math.max(...sold.map((r) => r.endMs)) / 1000, 2) : null,
        everyoneAnsweredAfterSeconds: round(Math.max(...final.map((r) => r.endMs)) / 1000, 2),
        timeToFinalAnswer: stats(final.map((r) => r.endMs)),
      },
      verified,
      byKind: GUEST_SHARE > 0 ? { token: kindFigures(results, false), guest: kindFigures(results, true) } : null,
      faults: timeline ? { plan: FAULT_PLAN, maxAttempts: FAULT_MAX_ATTEMPTS, retried500: values["retry-500"]!, timeline, everyAttempt: breakdownOf(faultAttempts), pace: paceAfterFaults(faultAttempts, timeline) } : null,
      cpuSeconds: firstWaveCpu,
      cpuSecondsWithRetries: cpuSeconds,
      cpuMsPerBuyer: { app: round((firstWaveCpu.app * 1000) / results.length), postgres: round((firstWaveCpu.postgres * 1000) / results.length) },
      postgresCpuMsPerPlace: round((cpuSeconds.postgres * 1000) / Math.max(1, verified.taken), 3),
      transactionsPerBuyer: round(transactions / attempts),
    },
  };
}

/** Ceiling 2: the one-statement hold, as many concurrent attempts as buyers, over a pool of the app's size. */
async function runSqlCeiling(app: RunningApp, client: Db, attempts: number) {
  const sale = await prepareSale(client, "sql-ceiling", PLACES * 2);
  const typeId = sale.typeIds[0]; // PLACES places on one type
  const pool = new pg.Pool({ connectionString: app.databaseUrl, max: POOL_SIZE });
  pool.on("error", () => {});
  await Promise.all(Array.from({ length: POOL_SIZE }, async () => (await pool.query("SELECT 1")).rows));
  const cpu = measureCpu(app);
  const origin = performance.now();
  const outcomes = await Promise.all(
    Array.from({ length: attempts }, async () => {
      const result = await pool.query("UPDATE ticket_types SET held = held + 1 WHERE id = $1 AND capacity - sold - held >= 1", [typeId]);
      return { held: result.rowCount === 1, endMs: performance.now() - origin };
    }),
  );
  const cpuSeconds = cpu.stop();
  await pool.end();
  const wallMs = Math.max(...outcomes.map((o) => o.endMs));
  const held = outcomes.filter((o) => o.held).length;
  check(held === PLACES, `the SQL ceiling held ${held} places, expected ${PLACES}`);
  return {
    attempts,
    held,
    seconds: round(wallMs / 1000, 3),
    attemptsPerSecond: round(attempts / (wallMs / 1000), 1),
    placesPerSecond: round(held / (Math.max(...outcomes.filter((o) => o.held).map((o) => o.endMs)) / 1000), 1),
    cpuSeconds,
    postgresCpuMsPerAttempt: round((cpuSeconds.postgres * 1000) / attempts, 3),
    postgresCpuMsPerPlace: round((cpuSeconds.postgres * 1000) / held, 3),
  };
}

/**
 * Every held order of the sale is paid (pay/local, PAY_CONCURRENCY at a time, by its buyer),
 * then we wait until every PDF and email is out. A trickle of buyers (5 a second, sold out by
 * now) keeps asking throughout: are buyers still answered while delivery runs?
 */
async function runDelivery(app: RunningApp, client: Db, sale: Sale, buyersById: Map<string, Buyer>) {
  const { rows: orders } = await client.query<{ id: string; user_id: string }>(
    `SELECT DISTINCT o.id, o.user_id FROM orders o JOIN order_items oi ON oi.order_id = o.id
      WHERE oi.ticket_type_id = ANY($1::uuid[]) AND o.status = 'pending' AND o.user_id IS NOT NULL`,
    [sale.typeIds],
  );
  const trickle: Promise<BurstResult>[] = [];
  let trickling = true;
  const trickleBuyers = [...buyersById.values()].slice(0, 2000);
  const trickleLoop = (async () => {
    for (let i = 0; trickling; i++) {
      trickle.push(fireBurst(buyRequests(app, sale, [trickleBuyers[i % trickleBuyers.length]], 20_000 + i), { timeoutMs: 30_000 }).then((r) => r.results[0]));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();

  const cpu = measureCpu(app);
  const origin = performance.now();
  const payLatencies: number[] = [];
  const payStatus: Record<string, number> = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: PAY_CONCURRENCY }, async () => {
      while (next < orders.length) {
        const order = orders[next++];
        const started = performance.now();
        const response = await fetch(`${app.baseUrl}/api/orders/${order.id}/pay/local`, {
          method: "POST",
          headers: { authorization: `Bearer ${buyersById.get(order.user_id)!.secret}`, "content-type": "application/json" },
          body: JSON.stringify({ outcome: "succeed" }),
        }).catch((error: Error) => ({ status: 0, statusText: error.message, arrayBuffer: async () => new ArrayBuffer(0) }));
        await response.arrayBuffer();
        payLatencies.push(performance.now() - started);
        payStatus[response.status] = (payStatus[response.status] ?? 0) + 1;
      }
    }),
  );
  const paidAtMs = performance.now() - origin;

  // Delivered = the delivery job succeeded (its PDF stored and its email handed over).
  let delivered = 0;
  const deadline = Date.now() + DELIVERY_TIMEOUT_MS;
  const ids = orders.map((order) => jobKey("deliver_order", order.id));
  while (Date.now() < deadline) {
    const { rows: [row] } = await client.query<{ done: number; dead: number }>(
      "SELECT count(*) FILTER (WHERE status = 'succeeded')::int AS done, count(*) FILTER (WHERE status = 'dead')::int AS dead FROM jobs WHERE unique_key = ANY($1::text[])",
      [ids],
    );
    delivered = row.done;
    if (row.done + row.dead >= orders.length) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const deliveredAtMs = performance.now() - origin;
  const cpuSeconds = cpu.stop();
  trickling = false;
  await trickleLoop;
  const trickleResults = await Promise.all(trickle);
  const { rows: [emails] } = await client.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM email_outbox WHERE idempotency_key = ANY($1::text[])",
    [ids],
  );
  check(delivered === orders.length, `${delivered} of ${orders.length} orders delivered`);
  check(emails.count === orders.length, `${emails.count} emails for ${orders.length} orders`);
  return {
    orders: orders.length,
    paySeconds: round(paidAtMs / 1000, 2),
    payPerSecond: round(orders.length / (paidAtMs / 1000), 1),
    payLatency: stats(payLatencies),
    payStatus,
    deliveredSeconds: round(deliveredAtMs / 1000, 2),
    ordersPerSecondEndToEnd: round(orders.length / (deliveredAtMs / 1000), 1),
    cpuSeconds,
    appCpuMsPerOrder: round((cpuSeconds.app * 1000) / orders.length, 1),
    buyersDuringDelivery: { count: trickleResults.length, latency: stats(trickleResults.map((r) => r.latencyMs)), breakdown: breakdown(trickleResults) },
  };
}

async function main() {
  const startedAt = new Date();
  const build = ensureProductionBuild();
  const port = values.port ? Number(values.port) : await findFreePort(3310);
  const runs: Record<string, unknown>[] = [];
  let postgres = "";
  let first = true;
  try {
    for (const processes of PROCESS_COUNTS) {
      for (const condition of CONDITIONS) {
        const label = `${processes}p-${condition}`;
        console.log(`\n[${label}] starting the production app (scripts/run.ts start, WEB_CONCURRENCY=${processes})…`);
        const app = await startApp({
          dataDir: DATA_DIR,
          port,
          fresh: first,
          env: {
            WEB_CONCURRENCY: String(processes),
            DATABASE_POOL_SIZE: String(POOL_SIZE),
            TRUSTED_PROXY_HOPS: "1",
            UNSAFE_TEST_PAYMENTS: "true",
            AUTH_SECRET: randomBytes(32).toString("base64url"),
            JOBS_SECRET: randomBytes(32).toString("base64url"),
            TICKET_SIGNING_SECRET: randomBytes(32).toString("base64url"),
            TICKET_SIGNING_KEY: randomBytes(32).toString("base64url"),
            LOG_LEVEL: "warn",
          } as unknown as NodeJS.ProcessEnv,
        });
        let noise: ChildProcess | undefined;
        try {
          const buyers = await withDb(app.databaseUrl, async (client) => {
            if (first) postgres = await postgresVersion(app.databaseUrl);
            return prepareBuyers(client, BUYERS, `flash-${label}`);
          });
          first = false;
          const buyersById = new Map(buyers.map((buyer) => [buyer.userId, buyer]));
          const result = await withDb(app.databaseUrl, async (client) => {
            // Warm-up on a sale of its own: every route module loaded, every process's pool connected.
            const warmUp = await prepareSale(client, `warm-up-${label}`, 10_000);
            await fireBurst(buyRequests(app, warmUp, buyers.slice(0, 200), 40_000), { timeoutMs: REQUEST_TIMEOUT_MS });
            await fireBurst(Array.from({ length: 200 }, () => ({ url: `${app.baseUrl}/api/health`, method: "GET" as const, headers: {} })), { timeoutMs: REQUEST_TIMEOUT_MS });
            if (condition === "noisy") {
              noise = startNoise();
              await new Promise((resolve) => setTimeout(resolve, 1000));
            }
            console.log(`[${label}] ceiling 1: ${BUYERS} concurrent GET /api/health…`);
            const health = await runHealthCeiling(app, BUYERS, REQUEST_TIMEOUT_MS);
            console.log(`[${label}]   ${health.requestsPerSecond} req/s`);
            console.log(`[${label}] the sale: ${BUYERS} buyers, ${PLACES} places over two types, mixed baskets…`);
            const { sale, figures } = await runSale(app, client, buyers, label, processes);
            console.log(`[${label}]   ${figures.requestsPerSecond} req/s, p50 ${ms(figures.latency.p50)} p95 ${ms(figures.latency.p95)} ms, ${JSON.stringify(figures.breakdown)}`);
            console.log(`[${label}] ceiling 2: the one-statement SQL hold, ${BUYERS} concurrent attempts…`);
            const sql = await runSqlCeiling(app, client, BUYERS);
            console.log(`[${label}]   ${sql.attemptsPerSecond} attempts/s, PG ${sql.postgresCpuMsPerAttempt} ms CPU per attempt`);
            let delivery: Awaited<ReturnType<typeof runDelivery>> | null = null;
            if (!values["skip-delivery"]) {
              console.log(`[${label}] paying the held orders and delivering every PDF and email…`);
              delivery = await runDelivery(app, client, sale, buyersById);
              console.log(`[${label}]   ${delivery.orders} orders: ${delivery.ordersPerSecondEndToEnd} orders/s end to end (paid in ${delivery.paySeconds}s, delivered by ${delivery.deliveredSeconds}s)`);
            }
            return {
              label,
              processes,
              condition,
              health,
              sale: figures,
              sql,
              delivery,
              ratios: {
                buyingVsHealth: ratio(figures.requestsPerSecond, health.requestsPerSecond),
                // Each kind's pace as if the whole crowd were of its kind (its answers per second over its share), against the same crowd on /api/health.
                tokenBuyingVsHealth: figures.byKind?.token ? ratio(figures.byKind.token.requestsPerSecond / (1 - GUEST_SHARE), health.requestsPerSecond) : null,
                guestBuyingVsHealth: figures.byKind?.guest ? ratio(figures.byKind.guest.requestsPerSecond / GUEST_SHARE, health.requestsPerSecond) : null,
                postgresCpuPerPlaceVsSqlHold: ratio(figures.postgresCpuMsPerPlace, sql.postgresCpuMsPerPlace),
                postgresCpuPerBuyerVsSqlAttempt: ratio(figures.cpuMsPerBuyer.postgres, sql.postgresCpuMsPerAttempt),
              },
            };
          });
          runs.push(result);
        } finally {
          noise?.kill("SIGKILL");
          await app.stop();
        }
      }
    }
  } finally {
    if (!values.keep) rmSync(DATA_DIR, { recursive: true, force: true });
  }

  type Run = { label: string; processes: number; condition: string; health: Awaited<ReturnType<typeof runHealthCeiling>>; sale: SaleFigures; sql: Awaited<ReturnType<typeof runSqlCeiling>>; delivery: Awaited<ReturnType<typeof runDelivery>> | null; ratios: Record<string, number | null> };
  const typed = runs as Run[];
  printTable(
    `Flash sale, first wave: ${BUYERS} buyers at once, ${PLACES} places over two ticket types, mixed baskets (latency ms from each buyer's send)`,
    ["run", "req/s", "health req/s", "buy/health", "p50", "p95", "p99", "409 p95", "503 p95", "201", "409", "503", "503 w/o Retry-After", "other 5xx", "conn err", "timeouts"],
    typed.map((r) => [r.label, r.sale.requestsPerSecond, r.health.requestsPerSecond, r.ratios.buyingVsHealth, ms(r.sale.latency.p50), ms(r.sale.latency.p95), ms(r.sale.latency.p99), ms(r.sale.refusalLatency.p95), ms(r.sale.busyLatency.p95),
      r.sale.answers.created, r.sale.answers.refused409, r.sale.answers.busy503, r.sale.answers.busyWithRetryAfter ? 0 : "some", r.sale.answers.other5xx, r.sale.answers.connectionErrors, r.sale.answers.timeouts]),
  );
  if (CODE_USES !== null) {
    printTable(
      `One code for ${CODE_USES} places, sent by every buyer at once (10% off, this event only)`,
      ["run", "buyers", "max uses", "uses given", "discounted places", "places taken", "capacity", "oversold"],
      typed.map((r) => [r.label, r.sale.buyers, r.sale.verified.code?.maxUses ?? "", r.sale.verified.code?.uses ?? "", r.sale.verified.code?.discountedPlaces ?? "", r.sale.verified.taken, r.sale.verified.capacity, Math.max(0, r.sale.verified.taken - r.sale.verified.capacity)]),
    );
  }
  if (GUEST_SHARE > 0) {
    printTable(
      `The first wave by kind of buyer: ${Math.round(GUEST_SHARE * 100)}% guests (no token, buyer {email, name}) in the same burst as token buyers`,
      ["run", "kind", "buyers", "req/s", "vs health", "p50", "p95", "201", "409", "503", "other 5xx", "conn err", "timeouts"],
      typed.flatMap((r) =>
        (["token", "guest"] as const).flatMap((kind) => {
          const figures = r.sale.byKind?.[kind];
          if (!figures) return [];
          return [[r.label, kind, figures.buyers, figures.requestsPerSecond, r.ratios[kind === "token" ? "tokenBuyingVsHealth" : "guestBuyingVsHealth"], ms(figures.latency.p50), ms(figures.latency.p95),
            figures.answers.created, figures.answers.refused409, figures.answers.busy503, figures.answers.other5xx, figures.answers.connectionErrors, figures.answers.timeouts]];
        }),
      ),
    );
  }
  printTable(
    "The same sale as buyers live it: those told 503 come back after Retry-After with the same key, until each has a 201 or a 409",
    ["run", "attempts", "201", "409", "still 503", "other 5xx", "conn err", "timeouts", "sold out after s", "all answered after s", "time to final answer p50", "p95", "sold out exactly"],
    typed.map((r) => [r.label, r.sale.withRetries.attempts, r.sale.withRetries.answers.created, r.sale.withRetries.answers.refused409, r.sale.withRetries.answers.busy503, r.sale.withRetries.answers.other5xx,
      r.sale.withRetries.answers.connectionErrors, r.sale.withRetries.answers.timeouts, r.sale.withRetries.soldOutAfterSeconds, r.sale.withRetries.everyoneAnsweredAfterSeconds,
      ms(r.sale.withRetries.timeToFinalAnswer.p50), ms(r.sale.withRetries.timeToFinalAnswer.p95), String(r.sale.verified.soldOutExactly)]),
  );
  if (FAULTS) console.log("\n(CPU figures are not comparable with --faults: the crashed PostgreSQL's CPU leaves the process tree.)");
  printTable(
    "CPU during the sale (2 cores shared by the app, PostgreSQL, the load generator and any neighbour)",
    ["run", "app CPU s", "PG CPU s", "load gen s", "other s", "app ms/buyer", "PG ms/buyer", "PG ms/place", "SQL hold PG ms/attempt", "SQL hold PG ms/place", "PG/place vs SQL", "DB tx/buyer"],
    typed.map((r) => [r.label, r.sale.cpuSeconds.app, r.sale.cpuSeconds.postgres, r.sale.cpuSeconds.loadGenerator, r.sale.cpuSeconds.otherProcesses, r.sale.cpuMsPerBuyer.app, r.sale.cpuMsPerBuyer.postgres,
      r.sale.postgresCpuMsPerPlace, r.sql.postgresCpuMsPerAttempt, r.sql.postgresCpuMsPerPlace, r.ratios.postgresCpuPerPlaceVsSqlHold, r.sale.transactionsPerBuyer]),
  );
  if (typed.some((r) => r.delivery)) {
    printTable(
      "Paying the held orders and delivering every PDF and email",
      ["run", "orders", "paid in s", "pay p95", "delivered by s", "orders/s end to end", "app CPU ms/order", "buyers meanwhile p95", "buyers meanwhile answers"],
      typed.filter((r) => r.delivery).map((r) => [r.label, r.delivery!.orders, r.delivery!.paySeconds, ms(r.delivery!.payLatency.p95), r.delivery!.deliveredSeconds, r.delivery!.ordersPerSecondEndToEnd,
        r.delivery!.appCpuMsPerOrder, ms(r.delivery!.buyersDuringDelivery.latency.p95), JSON.stringify(r.delivery!.buyersDuringDelivery.breakdown)]),
    );
  }
  const faulted = typed.filter((r) => r.sale.faults);
  if (faulted.length) {
    printTable(
      `Faults: PostgreSQL down at ${FAULT_PLAN.crashAtMs / 1000} s for ${FAULT_PLAN.downForMs / 1000} s (immediate shutdown), one app process killed at ${FAULT_PLAN.killAtMs / 1000} s; buyers retry network errors and 503s with the same key (at most ${FAULT_MAX_ATTEMPTS} tries)`,
      ["run", "down at s", "back at s", "killed at s", "true answers/s before", "full pace after back s", "buyers", "final 201", "final 409", "final 500", "final other", "orders", "places taken", "order lines = counters", "all answered after s"],
      faulted.map((r) => {
        // "order lines = counters" is asserted: a run where they differ fails.
        const f = r.sale.faults!;
        const a = r.sale.withRetries.answers;
        const seconds = (ms: number | null) => (ms === null ? null : round(ms / 1000, 2));
        return [r.label, seconds(f.timeline.crashedAtMs), seconds(f.timeline.backAtMs), seconds(f.timeline.killedAtMs), f.pace.trueAnswersPerSecondBeforeCrash, f.pace.fullPaceAfterSeconds,
          r.sale.buyers, a.created, a.refused409, a.other5xx, r.sale.buyers - a.created - a.refused409 - a.other5xx, r.sale.verified.orders, r.sale.verified.taken, "yes", r.sale.withRetries.everyoneAnsweredAfterSeconds];
      }),
    );
    for (const r of faulted) {
      const f = r.sale.faults!;
      console.log(`\n[${r.label}] every try, by status and code: ${JSON.stringify(f.everyAttempt)}`);
      console.log(`[${r.label}] final answers: ${JSON.stringify(r.sale.withRetries.breakdown)}`);
      if (f.timeline.errors.length) console.log(`[${r.label}] fault plan errors: ${f.timeline.errors.join("; ")}`);
      console.log(`[${r.label}] answers per second (by the second they arrived):`);
      for (const [second, counts] of Object.entries(f.pace.perSecond)) console.log(`  ${second.padStart(4)} s  ${Object.entries(counts).map(([key, n]) => `${key}×${n}`).join(" ")}`);
    }
  }
  const file = writeResults("flash-sale", startedAt, { environment: environment(), postgres, build, buyers: BUYERS, places: PLACES, poolSize: POOL_SIZE, faults: FAULTS, faultFailures, runs }, values.out);
  console.log(`\nSaved ${path.relative(process.cwd(), file)}`);
  if (faultFailures.length) {
    console.error(`\nASSERTION FAILED under faults:\n  ${faultFailures.join("\n  ")}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
