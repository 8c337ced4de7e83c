// `npm run bench:near`: how fast is "near me" over 10,000 events?
//
//   1. a fresh embedded PostgreSQL in .data/bench-near-pg, migrated (cube, earthdistance and
//      the GiST index venues_earth_idx come with the migrations), filled with the search
//      benchmark's generated catalogue (scripts/lib/bench-catalog.ts) and venues placed
//      around the real centres of its seven cities (up to ~20 km out);
//   2. in the database, one query at a time through a Prisma client like the app's: the exact
//      code of the listing and search with a near filter (lib/catalog/*-sql.ts, which take the
//      client as an argument) from points around the cities, for each distance (5, 25, 100 km,
//      none: 100 km) and combined with text, date and price filters, and the typed-place lookup
//      (lib/places/resolve-place-sql.ts). p50/p95 per kind, round trip (page and count, as the
//      app runs them) and PostgreSQL's own execution time of the page query (EXPLAIN ANALYZE).
//
// Prints a table and writes bench/results/near-<timestamp>.json.
// Options: --events 10000  --venues 1000  --rounds 20  --keep
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { catalogQueries, listCandidates } from "../lib/catalog/catalog-sql";
import { queryEventList } from "../lib/catalog/list-events-sql";
import { querySearchEvents } from "../lib/catalog/search-events-sql";
import type { EventFilters } from "../lib/catalog/types";
import { applyMigrations } from "../lib/db/migrations";
import { PrismaClient } from "../lib/generated/prisma/client";
import type { NearFilter, RadiusKm } from "../lib/places/near-filter";
import { queryResolvePlace } from "../lib/places/resolve-place-sql";
import { generateCatalog } from "../scripts/lib/bench-catalog";
import { stats, timed, type Stats } from "../scripts/lib/bench-common";
import { startEmbeddedPostgres, type RunningPostgres } from "../scripts/lib/embedded-postgres";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    venues: { type: "string", default: "1000" },
    rounds: { type: "string", default: "20" },
    keep: { type: "boolean", default: false },
  },
});
const EVENTS = Number(values.events);
const VENUES = Number(values.venues);
const ROUNDS = Number(values.rounds);
const DATA_DIR = path.resolve(".data/bench-near-pg");
const RESULTS_DIR = path.resolve("bench/results");
const TARGET_P95_MS = 20;

// The generated catalogue's cities (scripts/lib/bench-catalog.ts) at their real centres.
const CENTRES: Record<string, { lat: number; lng: number }> = {
  Lisbon: { lat: 38.7223, lng: -9.1393 },
  Porto: { lat: 41.1579, lng: -8.6291 },
  Barcelona: { lat: 41.3874, lng: 2.1686 },
  Berlin: { lat: 52.52, lng: 13.405 },
  London: { lat: 51.5072, lng: -0.1276 },
  "New York": { lat: 40.7128, lng: -74.006 },
  Tokyo: { lat: 35.6762, lng: 139.6503 },
};

/** A fixed sequence of pseudo-random numbers in [0, 1), so every run asks the same questions. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/** Points around the cities (up to ~10 km from a centre), one per round. */
function origins(count: number): { lat: number; lng: number }[] {
  const next = random(31);
  const centres = Object.values(CENTRES);
  return Array.from({ length: count }, (_, index) => {
    const centre = centres[index % centres.length];
    return { lat: centre.lat + (next() - 0.5) * 0.18, lng: centre.lng + (next() - 0.5) * 0.24 };
  });
}

function isoDay(daysFromNow: number): string {
  return new Date(Date.now() + daysFromNow * 86_400_000).toISOString().slice(0, 10);
}

type Kind = { name: string; run: (db: PrismaClient, near: NearFilter, now: Date, round: number) => Promise<unknown>; explain?: (near: NearFilter, now: Date) => ReturnType<typeof catalogQueries>["page"] };

const nearAt = (point: { lat: number; lng: number }, radiusKm?: RadiusKm): NearFilter => ({ lat: point.lat, lng: point.lng, from: point, ...(radiusKm ? { radiusKm } : {}) });

function listKind(name: string, radiusKm: RadiusKm | undefined, extra: Omit<EventFilters, "page" | "near"> = {}): Kind {
  const filtersOf = (near: NearFilter) => ({ ...extra, near: { ...near, ...(radiusKm ? { radiusKm } : {}) } });
  return {
    name,
    run: (db, near, now, round) => queryEventList(db, { ...filtersOf(near), page: 1 + (round % 3) }, { now }),
    explain: (near, now) => {
      const filters = filtersOf(near);
      return catalogQueries({ candidates: listCandidates(filters), filters, now, order: "soonest", limit: 12, offset: 0, fewCandidates: true, withTotal: true }).page;
    },
  };
}

const KINDS: Kind[] = [
  listKind("within 5 km", 5),
  listKind("within 25 km", 25),
  listKind("within 100 km", 100),
  listKind("no radius (100 km)", undefined),
  listKind("25 km + this weekend", 25, { date: "weekend" }),
  listKind("25 km + max €20 + available", 25, { maxPriceMinor: 2000, available: true }),
  listKind("25 km + dates + category", 25, { date: "range", from: isoDay(7), to: isoDay(37), category: "food" }),
  { name: "25 km + text \"jazz\"", run: (db, near, now) => querySearchEvents(db, "jazz", { now, filters: { near: { ...near, radiusKm: 25 } } }) },
  { name: "100 km + text + €20", run: (db, near, now) => querySearchEvents(db, "wine tasting", { now, filters: { near: { ...near, radiusKm: 100 }, maxPriceMinor: 2000 } }) },
];

const PLACES = ["Lisbon", "gràcia", "kreuzberg", "Shimokitazawa", "barcelna", "Hackney", "Nowhere at all"];

async function placeVenues(client: pg.Client) {
  // Each venue a few km from its city's centre (up to ~20 km), deterministic per venue.
  await client.query(`
    UPDATE venues v SET latitude = c.lat + (((hashtext(v.id::text) % 1000) / 1000.0) * 0.18),
                        longitude = c.lng + (((hashtext(v.id::text || 'x') % 1000) / 1000.0) * 0.24)
      FROM jsonb_each($1::jsonb) AS x(city, centre)
      CROSS JOIN LATERAL (SELECT (x.centre->>'lat')::float8 AS lat, (x.centre->>'lng')::float8 AS lng) c
     WHERE v.city = x.city`, [JSON.stringify(CENTRES)]);
  await client.query("VACUUM (ANALYZE) venues");
}

type Sql = ReturnType<typeof catalogQueries>["page"];

/** The query's text with PostgreSQL's $1..$n placeholders, as the app's driver adapter sends it. */
function numbered(query: Sql): string {
  return query.strings.reduce((text, part, index) => `${text}$${index}${part}`);
}

async function executionMs(client: pg.Client, query: Sql): Promise<number> {
  const { rows } = await client.query<{ "QUERY PLAN": { "Execution Time": number; Plan: unknown }[] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${numbered(query)}`, query.values as unknown[]);
  return rows[0]["QUERY PLAN"][0]["Execution Time"];
}

function usesIndex(plan: unknown): boolean {
  return JSON.stringify(plan).includes("venues_earth_idx");
}

function printTable(rows: [string, Stats][], title: string) {
  console.log(`\n${title}`);
  console.log(`  ${"".padEnd(30)} ${"n".padStart(6)} ${"p50 ms".padStart(9)} ${"p95 ms".padStart(9)} ${"max ms".padStart(9)}`);
  for (const [name, row] of rows) {
    console.log(`  ${name.padEnd(30)} ${String(row.count).padStart(6)} ${row.p50.toFixed(2).padStart(9)} ${row.p95.toFixed(2).padStart(9)} ${row.max.toFixed(2).padStart(9)}`);
  }
}

async function main() {
  const startedAt = new Date();
  rmSync(DATA_DIR, { recursive: true, force: true });
  let database: RunningPostgres | undefined;
  let db: PrismaClient | undefined;
  const client = { current: undefined as pg.Client | undefined };
  try {
    console.log("Starting a fresh PostgreSQL in .data/bench-near-pg…");
    database = await startEmbeddedPostgres({ dataDir: DATA_DIR, database: "local_tickets_bench_near", quiet: true });
    await applyMigrations(database.url);

    console.log(`Generating ${EVENTS} events at ${VENUES} venues…`);
    client.current = new pg.Client({ connectionString: database.url });
    await client.current.connect();
    const [generateMs, counts] = await timed(async () => {
      const generated = await generateCatalog(client.current!, { events: EVENTS, venues: VENUES, now: startedAt });
      await placeVenues(client.current!);
      return generated;
    });
    const version = (await client.current.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
    console.log(`  ${counts.events} events, ${counts.sessions} sessions, ${counts.ticketTypes} ticket types in ${(generateMs / 1000).toFixed(1)}s`);

    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 10 }) });
    const now = new Date();
    const points = origins(ROUNDS);
    console.log(`Measuring in the database (${ROUNDS} points per kind)…`);

    const roundTrip: Record<string, Stats> = {};
    const execution: Record<string, Stats> = {};
    const hits: Record<string, number> = {};
    let indexUsed = false;
    const all: number[] = [];
    for (const kind of KINDS) {
      // Warm-up: plans and caches.
      await kind.run(db, nearAt(points[0]), now, 0);
      const samples: number[] = [];
      const serverSamples: number[] = [];
      let total = 0;
      for (const [round, point] of points.entries()) {
        const [ms, result] = await timed(() => kind.run(db!, nearAt(point), now, round));
        samples.push(ms);
        all.push(ms);
        const page = result as { total?: number; hits?: { total: number } };
        total += page.hits?.total ?? page.total ?? 0;
        if (kind.explain) {
          const query = kind.explain(nearAt(point), now);
          serverSamples.push(await executionMs(client.current, query));
          if (!indexUsed && kind.name.startsWith("within")) {
            const { rows } = await client.current.query(`EXPLAIN (FORMAT JSON) ${numbered(query)}`, query.values as unknown[]);
            indexUsed = usesIndex(rows);
          }
        }
      }
      roundTrip[kind.name] = stats(samples);
      if (serverSamples.length) execution[kind.name] = stats(serverSamples);
      hits[kind.name] = Math.round(total / points.length);
    }

    const resolveSamples: number[] = [];
    const resolved: Record<string, string | null> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const place of PLACES) {
        const [ms, found] = await timed(() => queryResolvePlace(db!, place));
        resolveSamples.push(ms);
        resolved[place] = found ? `${found.label} (${found.kind})` : null;
      }
    }

    const overall = stats(all);
    printTable([["all near queries", overall], ...Object.entries(roundTrip)], "Near me, round trip through Prisma (page + count, sequential)");
    printTable(Object.entries(execution), "Near me, PostgreSQL execution time of the page query (EXPLAIN ANALYZE)");
    printTable([["resolve a typed place", stats(resolveSamples)]], "Typed place → point");
    console.log(`\n  events listed per query (mean): ${Object.entries(hits).map(([name, count]) => `${name}: ${count}`).join("; ")}`);
    console.log(`  radius queries use venues_earth_idx: ${indexUsed ? "yes" : "NO"}`);
    const worst = Math.max(...Object.values(roundTrip).map((row) => row.p95));
    console.log(`  target p95 ≤ ${TARGET_P95_MS} ms: ${worst <= TARGET_P95_MS ? "met" : "MISSED"} (worst kind p95 ${worst.toFixed(2)} ms)`);

    const result = {
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      environment: { node: process.version, postgres: version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model },
      data: { ...counts, venues: VENUES, generateSeconds: Math.round(generateMs / 100) / 10 },
      rounds: ROUNDS,
      targetP95Ms: TARGET_P95_MS,
      roundTrip: { all: overall, byKind: roundTrip },
      execution,
      eventsListedPerQuery: hits,
      radiusUsesGistIndex: indexUsed,
      resolvePlace: { latency: stats(resolveSamples), answers: resolved },
    };
    mkdirSync(RESULTS_DIR, { recursive: true });
    const stamp = startedAt.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    const file = path.join(RESULTS_DIR, `near-${stamp}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await db?.$disconnect();
    await client.current?.end();
    await database?.stop();
    if (!values.keep) rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`Benchmark failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
