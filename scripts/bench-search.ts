// `npm run bench:search`: how fast is search (and the listing) over 10,000 events?
//
//   1. a fresh embedded PostgreSQL in .data/bench-pg, migrated, filled with a generated
//      catalogue (scripts/lib/bench-catalog.ts);
//   2. in the database: the exact code of searchEvents / listEvents (lib/catalog/*-sql.ts,
//      which take the client as an argument) run many times with varied queries, one at a
//      time, through a Prisma client like the app's: p50/p95 per kind of query;
//   3. over HTTP, if a production build exists (.next/BUILD_ID): `next start` against the
//      bench database, GET /api/search?q=… with 10 requests in flight: p50/p95 and req/s.
//
// Prints a table and writes bench/results/search-<timestamp>.json.
// Options: --events 10000  --rounds 15  --http-requests 1500  --concurrency 10  --no-http  --keep
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { queryEventList } from "../lib/catalog/list-events-sql";
import { querySearchEvents, type SearchMode } from "../lib/catalog/search-events-sql";
import type { EventFilters } from "../lib/catalog/types";
import { applyMigrations } from "../lib/db/migrations";
import { generateCatalog } from "./lib/bench-catalog";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";
import { stats, type Stats } from "./lib/bench-common";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    rounds: { type: "string", default: "15" },
    "http-requests": { type: "string", default: "1500" },
    concurrency: { type: "string", default: "10" },
    "no-http": { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
  },
});
const EVENTS = Number(values.events);
const ROUNDS = Number(values.rounds);
const HTTP_REQUESTS = Number(values["http-requests"]);
const CONCURRENCY = Number(values.concurrency);
const DATA_DIR = path.resolve(".data/bench-pg");
const RESULTS_DIR = path.resolve("bench/results");
// The whole run stays within about three minutes: the HTTP phase stops early if needed.
const DEADLINE = Date.now() + 170_000;

/** Queries by the kind of answer they should get, so the figures can be read per path. */
const QUERIES: Record<string, string[]> = {
  "full text": [
    "jazz", "jazz festival", "comedy", "wine tasting", "cafe", "café", "Gràcia", "kreuzberg", "pottery workshop",
    "\"open air\"", "street -food", "piano or choir", "family science", "night", "harbour", "lisbon", "tokyo techno",
    "supper club", "beginners", "opera", "concerts", "puppet", "brooklyn", "welcome drink",
  ],
  "fuzzy (typo)": ["jaz festvl", "kreuzbrg", "potery", "shakespear", "puppett theatre", "neukoln", "shimokitazwa", "barcelna"],
  "no match": ["zzqqxx", "xylophonic quartet zebrafish", "qwertyuiop"],
  "odd input": ["'; DROP TABLE events; --", "&|!:*()<->", "🎷 jazz", "\"unbalanced", "x".repeat(5000), "   "],
};

const LIST_FILTERS: Record<string, Omit<EventFilters, "page">> = {
  "all": {},
  "today": { date: "today" },
  "weekend": { date: "weekend" },
  "category": { category: "comedy" },
  "where": { where: "kreuzberg" },
  "free": { free: true },
  "max €20 + available": { maxPriceMinor: 2000, available: true },
  "range + category": { date: "range", from: isoDay(7), to: isoDay(37), category: "food" },
};

function isoDay(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

/** A fixed shuffle, so every run sends the same sequence. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function benchDatabase(db: PrismaClient) {
  const now = new Date();
  const allQueries = Object.entries(QUERIES).flatMap(([kind, queries]) => queries.map((query) => ({ kind, query })));
  const modes: Record<string, SearchMode> = {};
  // Warm-up: plans, caches, the connection pool.
  for (const { query } of allQueries) modes[query] = (await querySearchEvents(db, query, { now })).mode;

  const byKind: Record<string, number[]> = {};
  const all: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const { kind, query } of shuffled(allQueries, round + 1)) {
      const [ms] = await timed(() => querySearchEvents(db, query, { now, page: 1 + (round % 3 === 2 ? 1 : 0) }));
      (byKind[kind] ??= []).push(ms);
      all.push(ms);
    }
  }

  const list: Record<string, Stats> = {};
  for (const [name, filters] of Object.entries(LIST_FILTERS)) {
    await queryEventList(db, { ...filters, page: 1 }, { now });
    const samples: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const [ms] = await timed(() => queryEventList(db, { ...filters, page: 1 + (round % 5) }, { now }));
      samples.push(ms);
    }
    list[name] = stats(samples);
  }
  return {
    search: { all: stats(all), byKind: Object.fromEntries(Object.entries(byKind).map(([kind, samples]) => [kind, stats(samples)])) },
    modes,
    list,
  };
}

async function waitForServer(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000}s`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

async function benchHttp(databaseUrl: string) {
  if (!existsSync(path.resolve(".next/BUILD_ID"))) {
    return { skipped: "no production build: run `npm run build` first for the HTTP figures" };
  }
  const port = await findFreePort(0);
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      APP_URL: base,
      PORT: String(port),
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => (stderr = (stderr + String(chunk)).slice(-4000)));
  try {
    await waitForServer(`${base}/api/search?q=jazz`, child, 60_000);
    const queries = Object.values(QUERIES).flat().filter((query) => query.length < 500);
    const urls = shuffled(
      Array.from({ length: HTTP_REQUESTS }, (_, index) => `${base}/api/search?q=${encodeURIComponent(queries[index % queries.length])}`),
      7,
    );
    // Warm-up: every distinct query once.
    for (const query of queries) await (await fetch(`${base}/api/search?q=${encodeURIComponent(query)}`)).arrayBuffer();

    const samples: number[] = [];
    let errors = 0;
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < urls.length && Date.now() < DEADLINE) {
          const url = urls[next++];
          const [ms, ok] = await timed(async () => {
            const response = await fetch(url);
            await response.arrayBuffer();
            return response.ok;
          });
          if (ok) samples.push(ms);
          else errors++;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return { requests: samples.length + errors, errors, concurrency: CONCURRENCY, seconds: Math.round(seconds * 100) / 100, requestsPerSecond: Math.round(((samples.length + errors) / seconds) * 10) / 10, latency: stats(samples) };
  } catch (error) {
    return { skipped: `HTTP part failed: ${(error as Error).message}${stderr ? `\n${stderr.trim()}` : ""}` };
  } finally {
    await stopChild(child);
  }
}

function shortened(query: string): string {
  return query.length > 60 ? `${query.slice(0, 12)}… (${query.length} characters)` : query;
}

function printTable(rows: [string, Stats][], title: string) {
  console.log(`\n${title}`);
  console.log(`  ${"".padEnd(26)} ${"n".padStart(6)} ${"p50 ms".padStart(9)} ${"p95 ms".padStart(9)} ${"max ms".padStart(9)}`);
  for (const [name, row] of rows) {
    console.log(`  ${name.padEnd(26)} ${String(row.count).padStart(6)} ${row.p50.toFixed(2).padStart(9)} ${row.p95.toFixed(2).padStart(9)} ${row.max.toFixed(2).padStart(9)}`);
  }
}

async function main() {
  const startedAt = new Date();
  rmSync(DATA_DIR, { recursive: true, force: true });
  let database: RunningPostgres | undefined;
  let db: PrismaClient | undefined;
  try {
    console.log("Starting a fresh PostgreSQL in .data/bench-pg…");
    database = await startEmbeddedPostgres({ dataDir: DATA_DIR, database: "local_tickets_bench", quiet: true });
    await applyMigrations(database.url);

    console.log(`Generating ${EVENTS} events…`);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const [generateMs, counts] = await timed(() => generateCatalog(client, { events: EVENTS, venues: Math.max(10, Math.round(EVENTS / 42)), now: startedAt }));
    const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
    await client.end();
    console.log(`  ${counts.events} events, ${counts.sessions} sessions, ${counts.ticketTypes} ticket types in ${(generateMs / 1000).toFixed(1)}s`);

    console.log(`Measuring in the database (${ROUNDS} rounds)…`);
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 10 }) });
    const inDatabase = await benchDatabase(db);
    await db.$disconnect();
    db = undefined;

    let http: Awaited<ReturnType<typeof benchHttp>> = { skipped: "--no-http" };
    if (!values["no-http"]) {
      console.log(`Measuring over HTTP (${HTTP_REQUESTS} requests, ${CONCURRENCY} in flight)…`);
      http = await benchHttp(database.url);
    }

    printTable(
      [["all queries", inDatabase.search.all], ...Object.entries(inDatabase.search.byKind)],
      "Search in the database (querySearchEvents, sequential)",
    );
    printTable(Object.entries(inDatabase.list), "Listing in the database (queryEventList, page + count)");
    if ("latency" in http && http.latency) {
      printTable([["GET /api/search", http.latency]], `Search over HTTP (${http.concurrency} in flight)`);
      console.log(`  ${http.requests} requests in ${http.seconds}s: ${http.requestsPerSecond} req/s, ${http.errors} errors`);
    } else {
      console.log(`\nHTTP: ${"skipped" in http ? http.skipped : "no figures"}`);
    }

    const result = {
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      environment: { node: process.version, postgres: version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model },
      data: { ...counts, generateSeconds: Math.round(generateMs / 100) / 10 },
      rounds: ROUNDS,
      queries: Object.fromEntries(Object.entries(QUERIES).map(([kind, queries]) => [kind, queries.map(shortened)])),
      modes: Object.fromEntries(Object.entries(inDatabase.modes).map(([query, mode]) => [shortened(query), mode])),
      database: { search: inDatabase.search, list: inDatabase.list },
      http,
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    // ISO 8601 basic format: no colons in the file name.
    const stamp = startedAt.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    const file = path.join(RESULTS_DIR, `search-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await db?.$disconnect();
    await database?.stop();
    if (!values.keep) rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`Benchmark failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
