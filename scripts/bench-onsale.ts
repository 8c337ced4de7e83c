// `npm run bench:onsale`: a scheduled on-sale (issue 28.4). 1,000 places over two ticket types
// go on sale at a set instant; 5,000 buyers arrive in the 30 seconds before it, each sending
// POST /api/events/:id/buy on its own connection (an API token, or with --guests a share of
// them as guests), and do as the answers say: a 503 `in_line` gives their place and a line
// token, sent back with every try after Retry-After; at the opening instant everyone still
// waiting tries again at once (a crowd pressing reload at 10:00:00); then each follows
// Retry-After until a 201 or a 409. Once sold out, a late crowd (--late) arrives at once.
//
// On the production app as `npm start` runs it (scripts/run.ts start, two processes, embedded
// PostgreSQL in a fresh .data/bench-onsale), per machine condition (quiet; --noisy adds a
// CPU-bound neighbour on one core), it asserts correctness (no order before the opening, no
// oversell, answers = orders = counters) and reports:
//   - errors and timeouts (anything but 201, 409 and 503 with Retry-After);
//   - admission in arrival order: the share of pairs of buyers served (let through by the
//     line) in the opposite order to their arrival, and the same for their places;
//   - the opening burst: every waiting buyer at once, answers per second, against the same
//     crowd on GET /api/health (the framework's ceiling, measured in the same run);
//   - every try sent after the sell-out (the crowd's and the late crowd's): answered within 2 s?
// Timings are printed and saved (bench/results/onsale-<time>.json), never asserted.
//
// Options: --buyers 5000 --places 1000 --arrive 30 (seconds before the opening) --late 1000
//          --processes 2 --guests 0 --noisy --only-noisy --port N --out FILE --keep
import { randomBytes, randomUUID } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { check, ensureProductionBuild, environment, ms, postgresVersion, printTable, ratio, round, startApp, stats, writeResults, type RunningApp } from "./lib/bench-common";
import { breakdown, fireBurst, type BurstRequest, type BurstResult } from "./lib/bench-http";
import { measureCpu, prepareBuyers, prepareSale, runHealthCeiling, startNoise, withDb, type Buyer, type Db, type Sale } from "./lib/bench-sale";
import { findFreePort } from "./lib/embedded-postgres";

const { values } = parseArgs({
  options: {
    buyers: { type: "string", default: "5000" },
    places: { type: "string", default: "1000" },
    arrive: { type: "string", default: "30" },
    late: { type: "string", default: "1000" },
    processes: { type: "string", default: "2" },
    guests: { type: "string", default: "0" },
    noisy: { type: "boolean", default: false },
    "only-noisy": { type: "boolean", default: false },
    port: { type: "string" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const BUYERS = Number(values.buyers);
const PLACES = Number(values.places);
const ARRIVE_MS = Number(values.arrive) * 1000;
const LATE = Number(values.late);
const PROCESSES = Number(values.processes);
const GUEST_SHARE = Number(values.guests);
const CONDITIONS: ("quiet" | "noisy")[] = values["only-noisy"] ? ["noisy"] : values.noisy ? ["quiet", "noisy"] : ["quiet"];
const DATA_DIR = path.resolve(".data/bench-onsale");
const REQUEST_TIMEOUT_MS = 60_000;
/** A buyer gives up after this long past the opening (then counted as unanswered). */
const GIVE_UP_AFTER_OPENING_MS = 240_000;
const MAX_TRIES = 200;
/** Set-up time between creating the sale and the first arrival. */
const LEAD_MS = 3_000;

const isGuest = (index: number) => Math.floor((index + 1) * GUEST_SHARE) > Math.floor(index * GUEST_SHARE);
const address = (n: number) => `198.18.${(n >> 8) & 255}.${n & 255}`;
const sleepUntil = (epochMs: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, epochMs - Date.now())));

type Try = { sentAt: number; latencyMs: number; status: number; code: string; retryAfterSeconds?: number };
type Journey = { index: number; key: string; arrivedAt: number; position: number | null; tries: Try[]; final: Try | null };

function basketOf(index: number, sale: Sale) {
  const [a, b] = sale.typeIds;
  return index % 3 === 0 ? [{ ticketTypeId: a, quantity: 1 }] : index % 3 === 1 ? [{ ticketTypeId: b, quantity: 1 }] : [{ ticketTypeId: a, quantity: 1 }, { ticketTypeId: b, quantity: 1 }];
}

/** One buyer's request, the same on every try but for the line token it was given. */
function requestOf(app: RunningApp, sale: Sale, buyer: Buyer, index: number, idempotencyKey: string, lineToken: string | null): BurstRequest {
  const guest = isGuest(index);
  return {
    url: `${app.baseUrl}/api/events/${sale.eventId}/buy`,
    method: "POST",
    headers: {
      ...(guest ? {} : { authorization: `Bearer ${buyer.secret}` }),
      ...(lineToken ? { "line-token": lineToken } : {}),
      "content-type": "application/json",
      "idempotency-key": idempotencyKey,
      "x-forwarded-for": address(index),
    },
    body: JSON.stringify({ ...(guest ? { buyer: { email: guestEmail(index, buyer), name: `Guest ${index}` } } : {}), items: basketOf(index, sale) }),
  };
}

const guestEmail = (index: number, buyer: Buyer) => `onsale-guest-${index}-${buyer.userId.slice(0, 8)}@example.test`;
const lineKeyOf = (index: number, buyer: Buyer) => (isGuest(index) ? `guest:${guestEmail(index, buyer)}` : `user:${buyer.userId}`);

async function sendOnce(request: BurstRequest): Promise<{ result: BurstResult; sentAt: number }> {
  const sentAt = Date.now();
  const { results } = await fireBurst([request], { timeoutMs: REQUEST_TIMEOUT_MS, keepBody: true });
  return { result: results[0], sentAt };
}

/** A buyer from arrival to a true answer: tries, waits Retry-After (but tries again at the opening instant), gives up late. */
async function buyerJourney(app: RunningApp, sale: Sale, buyer: Buyer, index: number, arrivedAt: number, opensAt: number, openingTries: Try[]): Promise<Journey> {
  const journey: Journey = { index, key: lineKeyOf(index, buyer), arrivedAt, position: null, tries: [], final: null };
  const idempotencyKey = randomUUID();
  let lineToken: string | null = null;
  await sleepUntil(arrivedAt);
  let atOpening = false;
  for (let attempt = 1; attempt <= MAX_TRIES && Date.now() < opensAt + GIVE_UP_AFTER_OPENING_MS; attempt++) {
    const { result, sentAt } = await sendOnce(requestOf(app, sale, buyer, index, idempotencyKey, lineToken));
    const tried: Try = { sentAt, latencyMs: result.latencyMs, status: result.status, code: result.code, retryAfterSeconds: result.retryAfterSeconds };
    journey.tries.push(tried);
    if (atOpening) openingTries.push(tried);
    if (result.status === 201 || result.status === 409) {
      journey.final = tried;
      return journey;
    }
    if (result.status === 503 && result.code === "in_line" && result.body) {
      const line = (JSON.parse(result.body) as { line?: { position?: number; token?: string | null } }).line;
      if (line?.token) lineToken = line.token;
      journey.position ??= line?.position ?? null;
    }
    let next = Date.now() + (result.retryAfterSeconds ?? 1) * 1000;
    // Everyone still waiting reloads at the opening instant.
    atOpening = Date.now() < opensAt && next >= opensAt;
    if (atOpening) next = opensAt;
    await sleepUntil(next);
  }
  return journey;
}

/** Pairs (i, j) with a before b in one order and after in the other, over all pairs: the share served out of order. */
function outOfOrderShare(items: { first: number; second: number }[]): { pairs: number; outOfOrder: number; share: number | null } {
  let pairs = 0;
  let outOfOrder = 0;
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = items[i];
      const b = items[j];
      if (a.first === b.first || a.second === b.second) continue;
      pairs++;
      if (a.first < b.first !== a.second < b.second) outOfOrder++;
    }
  }
  return { pairs, outOfOrder, share: pairs ? round(outOfOrder / pairs, 6) : null };
}

async function verifySale(client: Db, sale: Sale, opensAt: number, created: number, unanswered: number) {
  const { rows: [counts] } = await client.query<{ capacity: number; taken: number; over: number }>(
    "SELECT sum(capacity)::int AS capacity, sum(sold + held)::int AS taken, count(*) FILTER (WHERE sold + held > capacity)::int AS over FROM ticket_types WHERE id = ANY($1::uuid[])",
    [sale.typeIds],
  );
  const { rows: [orders] } = await client.query<{ orders: number; places: number; early: number; first: Date | null; last: Date | null }>(
    `SELECT count(DISTINCT o.id)::int AS orders, coalesce(sum(oi.quantity), 0)::int AS places,
            count(DISTINCT o.id) FILTER (WHERE o.created_at < $2)::int AS early, min(o.created_at) AS first, max(o.created_at) AS last
       FROM order_items oi JOIN orders o ON o.id = oi.order_id
      WHERE oi.ticket_type_id = ANY($1::uuid[]) AND oi.status IN ('held', 'sold') AND o.status IN ('pending', 'paid')`,
    [sale.typeIds, new Date(opensAt)],
  );
  check(orders.early === 0, `${orders.early} orders were made before the opening instant`);
  check(counts.over === 0 && counts.taken <= counts.capacity, `oversold: ${counts.taken} of ${counts.capacity}`);
  check(orders.places === counts.taken, `order lines hold ${orders.places} places but the ticket types count ${counts.taken}`);
  check(created <= orders.orders, `${created} buyers were told they bought but only ${orders.orders} orders hold places`);
  check(orders.orders - created <= unanswered, `${orders.orders - created} orders were never confirmed to their buyers, but only ${unanswered} answers were lost`);
  return {
    capacity: counts.capacity,
    taken: counts.taken,
    orders: orders.orders,
    ordersBeforeOpening: orders.early,
    soldOutExactly: counts.taken === counts.capacity,
    firstOrderAfterOpeningMs: orders.first ? orders.first.getTime() - opensAt : null,
    soldOutAt: counts.taken === counts.capacity && orders.last ? orders.last.getTime() : null,
  };
}

async function runSale(app: RunningApp, client: Db, buyers: Buyer[], late: Buyer[], label: string) {
  const firstArrival = Date.now() + LEAD_MS;
  const opensAt = firstArrival + ARRIVE_MS;
  const sale = await prepareSale(client, `onsale-${label}`, PLACES, { salesStart: new Date(opensAt) });
  const cpu = measureCpu(app);
  const openingTries: Try[] = [];
  // Arrivals spread evenly over the window, in a shuffled order of buyers (tokens and guests mixed).
  const journeys = Promise.all(buyers.map((buyer, index) => buyerJourney(app, sale, buyer, index, firstArrival + Math.floor((index * ARRIVE_MS) / buyers.length), opensAt, openingTries)));

  // The late crowd: once the sale is sold out (the database says so), everyone at once.
  let lateResults: Try[] = [];
  const lateCrowd = (async () => {
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      const { rows: [row] } = await client.query<{ left: number }>("SELECT sum(capacity - sold - held)::int AS left FROM ticket_types WHERE id = ANY($1::uuid[])", [sale.typeIds]);
      if (row.left === 0 || Date.now() > opensAt + GIVE_UP_AFTER_OPENING_MS) break;
    }
    // Let the live figures reach every process (NOTIFY), as a crowd arriving a moment later would.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sentAt = Date.now();
    const { results } = await fireBurst(late.map((buyer, index) => requestOf(app, sale, buyer, BUYERS + index, randomUUID(), null)), { timeoutMs: REQUEST_TIMEOUT_MS });
    lateResults = results.map((result) => ({ sentAt: sentAt + result.endMs - result.latencyMs, latencyMs: result.latencyMs, status: result.status, code: result.code }));
  })();
  const done = await journeys;
  await lateCrowd;
  const cpuSeconds = cpu.stop();

  const finals = done.map((journey) => journey.final);
  const everyTry = [...done.flatMap((journey) => journey.tries), ...lateResults];
  const errors = everyTry.filter((t) => !(t.status === 201 || t.status === 409 || (t.status === 503 && (t.retryAfterSeconds ?? 0) >= 1)));
  const unanswered = finals.filter((final) => final === null).length;
  const verified = await verifySale(client, sale, opensAt, finals.filter((final) => final?.status === 201).length, unanswered + errors.length);

  // Served order: when the line let each buyer through (the database's record), against arrival.
  const { rows: places } = await client.query<{ buyer: string; position: string; state: string; admitted_at: Date | null }>(
    "SELECT p.buyer, p.position, p.state, p.admitted_at FROM sale_line_places p JOIN sale_lines l ON l.id = p.line_id WHERE l.event_id = $1",
    [sale.eventId],
  );
  // Arrival: when the buyer's first try was sent (ties broken by the order they were planned in).
  const arrivalByKey = new Map(done.map((journey) => [journey.key, (journey.tries[0]?.sentAt ?? journey.arrivedAt) + journey.index / 1e6]));
  const firstPlace = new Map<string, { position: number; admittedAt: number | null }>();
  for (const place of places) {
    const known = firstPlace.get(place.buyer);
    if (!known || Number(place.position) < known.position) firstPlace.set(place.buyer, { position: Number(place.position), admittedAt: place.admitted_at?.getTime() ?? null });
  }
  const placed = [...firstPlace].filter(([key]) => arrivalByKey.has(key));
  const placeOrder = outOfOrderShare(placed.map(([key, place]) => ({ first: arrivalByKey.get(key)!, second: place.position })));
  const served = placed.filter(([, place]) => place.admittedAt !== null);
  // Buyers let through in the same step share an instant; within a step the line goes by place.
  const servedOrder = outOfOrderShare(served.map(([key, place]) => ({ first: arrivalByKey.get(key)!, second: place.admittedAt! * 1e6 + place.position })));
  const { rows: [early] } = await client.query<{ count: number }>(
    "SELECT count(*)::int AS count FROM sale_line_places p JOIN sale_lines l ON l.id = p.line_id WHERE l.event_id = $1 AND p.admitted_at < l.opens_at",
    [sale.eventId],
  );
  check(early.count === 0, `${early.count} buyers were let through before the opening`);

  const soldOutAt = verified.soldOutAt;
  const afterSellOut = soldOutAt === null ? [] : everyTry.filter((t) => t.sentAt > soldOutAt);
  const opening = openingTries;
  const openingWallMs = opening.length ? Math.max(...opening.map((t) => t.sentAt + t.latencyMs)) - Math.min(...opening.map((t) => t.sentAt)) : 0;
  return {
    sale,
    opensAt: new Date(opensAt).toISOString(),
    buyers: buyers.length,
    tries: everyTry.length,
    breakdown: breakdown(everyTry.map((t) => ({ ...t, endMs: 0 }))),
    finals: breakdown(finals.filter((final): final is Try => final !== null).map((t) => ({ ...t, endMs: 0 }))),
    unanswered,
    errors: errors.length,
    errorKinds: breakdown(errors.map((t) => ({ ...t, endMs: 0 }))),
    timeouts: everyTry.filter((t) => t.status === 0 && t.code === "network: timeout").length,
    firstTry: { latency: stats(done.map((journey) => journey.tries[0]?.latencyMs ?? 0)) },
    opening: {
      tries: opening.length,
      seconds: round(openingWallMs / 1000, 2),
      requestsPerSecond: openingWallMs ? round(opening.length / (openingWallMs / 1000), 1) : null,
      latency: stats(opening.map((t) => t.latencyMs)),
      breakdown: breakdown(opening.map((t) => ({ ...t, endMs: 0 }))),
    },
    order: { places: placeOrder, served: servedOrder, letThrough: served.length },
    soldOutAfterOpeningSeconds: soldOutAt === null ? null : round((soldOutAt - opensAt) / 1000, 2),
    everyoneAnsweredAfterOpeningSeconds: round((Math.max(...done.map((journey) => (journey.final ? journey.final.sentAt + journey.final.latencyMs : 0))) - opensAt) / 1000, 2),
    afterSellOut: {
      tries: afterSellOut.length,
      lateCrowd: lateResults.length,
      latency: stats(afterSellOut.map((t) => t.latencyMs)),
      over2s: afterSellOut.filter((t) => t.latencyMs > 2000).length,
      breakdown: breakdown(afterSellOut.map((t) => ({ ...t, endMs: 0 }))),
    },
    verified,
    cpuSeconds,
    cpuMsPerTry: { app: round((cpuSeconds.app * 1000) / everyTry.length), postgres: round((cpuSeconds.postgres * 1000) / everyTry.length) },
  };
}

async function main() {
  const startedAt = new Date();
  const build = ensureProductionBuild();
  const port = values.port ? Number(values.port) : await findFreePort(3410);
  const runs: Record<string, unknown>[] = [];
  let postgres = "";
  let first = true;
  try {
    for (const condition of CONDITIONS) {
      const label = `${PROCESSES}p-${condition}`;
      console.log(`\n[${label}] starting the production app (scripts/run.ts start, WEB_CONCURRENCY=${PROCESSES})…`);
      const app = await startApp({
        dataDir: DATA_DIR,
        port,
        fresh: first,
        env: {
          WEB_CONCURRENCY: String(PROCESSES),
          TRUSTED_PROXY_HOPS: "1",
          UNSAFE_TEST_PAYMENTS: "true",
          AUTH_SECRET: randomBytes(32).toString("base64url"),
          JOBS_SECRET: randomBytes(32).toString("base64url"),
          TICKET_SIGNING_KEY: randomBytes(32).toString("base64url"),
          LOG_LEVEL: "warn",
        } as unknown as NodeJS.ProcessEnv,
      });
      let noise: ChildProcess | undefined;
      try {
        const everyone = await withDb(app.databaseUrl, async (client) => {
          if (first) postgres = await postgresVersion(app.databaseUrl);
          return prepareBuyers(client, BUYERS + LATE, `onsale-${label}`);
        });
        first = false;
        const result = await withDb(app.databaseUrl, async (client) => {
          // Warm-up: every route module loaded, every process's pool connected, the line's code run.
          const warm = await prepareSale(client, `warm-${label}`, 10_000);
          await fireBurst(everyone.slice(0, 200).map((buyer, index) => requestOf(app, warm, buyer, 60_000 + index, randomUUID(), null)), { timeoutMs: REQUEST_TIMEOUT_MS });
          const warmLine = await prepareSale(client, `warm-line-${label}`, 100, { salesStart: new Date(Date.now() + 3_600_000) });
          await fireBurst(everyone.slice(0, 200).map((buyer, index) => requestOf(app, warmLine, buyer, 60_000 + index, randomUUID(), null)), { timeoutMs: REQUEST_TIMEOUT_MS });
          await fireBurst(Array.from({ length: 200 }, () => ({ url: `${app.baseUrl}/api/health`, method: "GET" as const, headers: {} })), { timeoutMs: REQUEST_TIMEOUT_MS });
          if (condition === "noisy") {
            noise = startNoise();
            await new Promise((resolve) => setTimeout(resolve, 1000));
          }
          console.log(`[${label}] ceiling: ${BUYERS} concurrent GET /api/health…`);
          const health = await runHealthCeiling(app, BUYERS, REQUEST_TIMEOUT_MS);
          console.log(`[${label}]   ${health.requestsPerSecond} req/s`);
          console.log(`[${label}] the on-sale: ${BUYERS} buyers arrive over ${ARRIVE_MS / 1000} s before the opening, ${PLACES} places; then ${LATE} more after the sell-out…`);
          const sale = await runSale(app, client, everyone.slice(0, BUYERS), everyone.slice(BUYERS), label);
          console.log(`[${label}]   opening burst ${sale.opening.requestsPerSecond} req/s; finals ${JSON.stringify(sale.finals)}; errors ${sale.errors}`);
          return { label, processes: PROCESSES, condition, health, sale, ratios: { openingVsHealth: ratio(sale.opening.requestsPerSecond ?? 0, health.requestsPerSecond) } };
        });
        runs.push(result);
      } finally {
        noise?.kill("SIGKILL");
        await app.stop();
      }
    }
  } finally {
    if (!values.keep) rmSync(DATA_DIR, { recursive: true, force: true });
  }

  type Run = { label: string; health: Awaited<ReturnType<typeof runHealthCeiling>>; sale: Awaited<ReturnType<typeof runSale>>; ratios: { openingVsHealth: number | null } };
  const typed = runs as Run[];
  printTable(
    `On-sale: ${BUYERS} buyers arrive over ${ARRIVE_MS / 1000} s before the opening, ${PLACES} places over two types; ${LATE} more once sold out`,
    ["run", "tries", "orders before opening", "errors", "timeouts", "unanswered", "201", "409", "sold out after opening s", "all answered after opening s", "oversold", "sold out exactly"],
    typed.map((r) => [r.label, r.sale.tries, r.sale.verified.ordersBeforeOpening, r.sale.errors, r.sale.timeouts, r.sale.unanswered, r.sale.finals["201 ok"] ?? 0, r.sale.finals["409 sold_out"] ?? 0,
      r.sale.soldOutAfterOpeningSeconds, r.sale.everyoneAnsweredAfterOpeningSeconds, Math.max(0, r.sale.verified.taken - r.sale.verified.capacity), String(r.sale.verified.soldOutExactly)]),
  );
  printTable(
    "Fairness: pairs of buyers in the opposite order to their arrival (share of all pairs)",
    ["run", "places: pairs", "out of order", "share", "let through", "served: pairs", "out of order", "share"],
    typed.map((r) => [r.label, r.sale.order.places.pairs, r.sale.order.places.outOfOrder, r.sale.order.places.share, r.sale.order.letThrough, r.sale.order.served.pairs, r.sale.order.served.outOfOrder, r.sale.order.served.share]),
  );
  printTable(
    "The opening instant: every waiting buyer tries at once, against the same crowd on /api/health",
    ["run", "tries", "req/s", "health req/s", "opening/health", "p50", "p95", "answers"],
    typed.map((r) => [r.label, r.sale.opening.tries, r.sale.opening.requestsPerSecond, r.health.requestsPerSecond, r.ratios.openingVsHealth, ms(r.sale.opening.latency.p50), ms(r.sale.opening.latency.p95), JSON.stringify(r.sale.opening.breakdown)]),
  );
  printTable(
    "After the sell-out: every try sent after the last place went (the crowd's and the late crowd's)",
    ["run", "tries", "late crowd", "p50", "p95", "max", "over 2 s", "answers"],
    typed.map((r) => [r.label, r.sale.afterSellOut.tries, r.sale.afterSellOut.lateCrowd, ms(r.sale.afterSellOut.latency.p50), ms(r.sale.afterSellOut.latency.p95), ms(r.sale.afterSellOut.latency.max), r.sale.afterSellOut.over2s, JSON.stringify(r.sale.afterSellOut.breakdown)]),
  );
  printTable(
    "CPU over the whole sale (2 cores shared by the app, PostgreSQL, the load generator and any neighbour)",
    ["run", "app CPU s", "PG CPU s", "load gen s", "other s", "app ms/try", "PG ms/try"],
    typed.map((r) => [r.label, r.sale.cpuSeconds.app, r.sale.cpuSeconds.postgres, r.sale.cpuSeconds.loadGenerator, r.sale.cpuSeconds.otherProcesses, r.sale.cpuMsPerTry.app, r.sale.cpuMsPerTry.postgres]),
  );
  const file = writeResults("onsale", startedAt, { environment: environment(), postgres, build, buyers: BUYERS, places: PLACES, arriveSeconds: ARRIVE_MS / 1000, late: LATE, guests: GUEST_SHARE, runs }, values.out);
  console.log(`\nSaved ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
