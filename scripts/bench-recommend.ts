// `npm run bench:recommend`: are the recommendations any good, and fast enough? (issue 31)
//
//   1. a fresh embedded PostgreSQL in .data/bench-recommend, migrated, with the benchmark
//      catalogue (scripts/lib/bench-catalog.ts: 10,000 events in seven cities), the events'
//      creation spread over 90 days;
//   2. buyers with hidden tastes (scripts/lib/bench-buyers.ts) and 100,000 purchases, inserted
//      as paid orders, except each buyer's last purchase: that one is held out;
//   3. for a sample of buyers: "For you" (recommend_for_buyer, from their purchases) and "More
//      like this" (recommend_similar_events, for the purchase before the held-out one) each
//      name 10 events; hit rate at 10 and nDCG@10 of the held-out purchase, against a
//      popularity baseline (the most bought events on sale, less what the buyer bought / the
//      event itself) in the same run;
//   4. latency in the database (the exact SQL of lib/discovery/recommendations-sql.ts through a
//      Prisma client like the app's, one at a time): "More like this" alone and with its cards,
//      and "For you".
//
// Prints tables and writes bench/results/recommend-<timestamp>.json (or --out).
// Options: --events 10000 --buyers 5000 --purchases 100000 --evaluate 2000 --latency 1000 --seed 31 --keep
import { rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../lib/generated/prisma/client";
import { applyMigrations } from "../lib/db/migrations";
import { picksForSql, querySimilarEvents, similarEventsSql } from "../lib/discovery/recommendations-sql";
import { generateCatalog } from "./lib/bench-catalog";
import { generateBuyers, scoreList, seededRandom, type BenchBuyer, type BenchEvent } from "./lib/bench-buyers";
import { environment, printTable, round, stats, timed, writeResults, type Stats } from "./lib/bench-common";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/embedded-postgres";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    buyers: { type: "string", default: "5000" },
    purchases: { type: "string", default: "100000" },
    evaluate: { type: "string", default: "2000" },
    latency: { type: "string", default: "1000" },
    seed: { type: "string", default: "31" },
    keep: { type: "boolean", default: false },
    out: { type: "string" },
  },
});
const EVENTS = Number(values.events);
const BUYERS = Number(values.buyers);
const PURCHASES = Number(values.purchases);
const EVALUATE = Number(values.evaluate);
const LATENCY = Number(values.latency);
const SEED = Number(values.seed);
const DATA_DIR = path.resolve(".data/bench-recommend");
const DAY = 86_400_000;

async function loadEvents(client: pg.Client, now: Date): Promise<BenchEvent[]> {
  // The weekday of the next session (else the last one; as event_on_weekend), in the venue's time zone.
  const { rows } = await client.query<{ id: string; category: string; city: string; price: number | null; on_sale: boolean; weekday: number | null }>(`
    SELECT e.id, e.category::text AS category, e.city, event_price_from(e.id, $1) AS price, event_on_sale(e.id, $1) AS on_sale,
           (SELECT extract(dow FROM s.starts_at AT TIME ZONE v.time_zone)::int
              FROM event_sessions s JOIN venues v ON v.id = s.venue_id
             WHERE s.event_id = e.id AND NOT s.cancelled
             ORDER BY s.starts_at <= $1, CASE WHEN s.starts_at > $1 THEN s.starts_at END, s.starts_at DESC LIMIT 1) AS weekday
      FROM events e WHERE e.status = 'published' ORDER BY e.slug`, [now]);
  return rows.map((row) => ({ id: row.id, category: row.category, city: row.city, price: row.price, weekday: row.weekday, onSale: row.on_sale }));
}

/** Every purchase but the held-out ones, as paid guest orders, spread over the last 180 days in each buyer's order. */
async function insertPurchases(client: pg.Client, buyers: BenchBuyer[], prices: Map<string, number | null>, now: Date): Promise<number> {
  const rows: { event: string; email: string; at: Date; total: number }[] = [];
  const random = seededRandom(SEED + 1);
  for (const buyer of buyers) {
    const start = now.getTime() - 180 * DAY + random() * 20 * DAY;
    const step = (170 * DAY - (start - (now.getTime() - 180 * DAY))) / (buyer.history.length + 1);
    buyer.history.forEach((event, n) => rows.push({ event, email: buyer.email, at: new Date(start + (n + 1) * step), total: prices.get(event) ?? 0 }));
  }
  for (let from = 0; from < rows.length; from += 20_000) {
    const chunk = rows.slice(from, from + 20_000);
    await client.query(`
      INSERT INTO orders (reference, event_id, status, total_minor, currency, hold_expires_at, paid_at, created_at, buyer_email, buyer_name, payment_provider)
      SELECT 'BENCH-' || ($5::int + n), x.event_id, 'paid', x.total, 'EUR', x.at, x.at, x.at, x.email, 'Bench buyer', 'local'
        FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::int[]) WITH ORDINALITY AS x(event_id, email, at, total, n)`,
      [chunk.map((row) => row.event), chunk.map((row) => row.email), chunk.map((row) => row.at), chunk.map((row) => row.total), from]);
  }
  await client.query("VACUUM (ANALYZE)");
  return rows.length;
}

type Quality = { hitRate: number; ndcg: number };
type Evaluation = { buyers: number; forYou: Quality; forYouBaseline: Quality; moreLikeThis: Quality; moreLikeThisBaseline: Quality; forYouLatency: Stats; coverage: number };

function mean(values: number[]): number {
  return round(values.reduce((sum, value) => sum + value, 0) / (values.length || 1), 4);
}

async function evaluate(db: PrismaClient, buyers: BenchBuyer[], now: Date): Promise<Evaluation> {
  const popular = (await db.$queryRaw<{ id: string }[]>`
    SELECT p.event_id AS id FROM (SELECT event_id, count(*) AS n FROM orders WHERE status = 'paid' GROUP BY event_id) p
     WHERE event_on_sale(p.event_id, ${now}::timestamptz) ORDER BY p.n DESC, p.event_id LIMIT 200`).map((row) => row.id);
  const sample = buyers.filter((_, index) => index % Math.max(1, Math.floor(buyers.length / EVALUATE)) === 0).slice(0, EVALUATE);
  const scores = { forYou: [] as { hit: number; ndcg: number }[], forYouBaseline: [] as { hit: number; ndcg: number }[], moreLikeThis: [] as { hit: number; ndcg: number }[], moreLikeThisBaseline: [] as { hit: number; ndcg: number }[] };
  const latency: number[] = [];
  const recommended = new Set<string>();
  for (const buyer of sample) {
    const [ms, forYou] = await timed(() => db.$queryRaw<{ event_id: string }[]>(picksForSql({ userId: null, verifiedEmail: buyer.email, viewedEventIds: [] }, now, 10)));
    latency.push(ms);
    const picks = forYou.map((row) => row.event_id);
    picks.forEach((id) => recommended.add(id));
    const owned = new Set(buyer.history);
    scores.forYou.push(scoreList(picks, buyer.heldOut));
    scores.forYouBaseline.push(scoreList(popular.filter((id) => !owned.has(id)), buyer.heldOut));

    const seed = buyer.history.at(-1)!;
    const similar = (await db.$queryRaw<{ event_id: string }[]>(similarEventsSql(seed, now, 10))).map((row) => row.event_id);
    scores.moreLikeThis.push(scoreList(similar, buyer.heldOut));
    scores.moreLikeThisBaseline.push(scoreList(popular.filter((id) => id !== seed), buyer.heldOut));
  }
  const quality = (list: { hit: number; ndcg: number }[]): Quality => ({ hitRate: mean(list.map((s) => s.hit)), ndcg: mean(list.map((s) => s.ndcg)) });
  return {
    buyers: sample.length,
    forYou: quality(scores.forYou),
    forYouBaseline: quality(scores.forYouBaseline),
    moreLikeThis: quality(scores.moreLikeThis),
    moreLikeThisBaseline: quality(scores.moreLikeThisBaseline),
    forYouLatency: stats(latency),
    coverage: recommended.size,
  };
}

/** "More like this" for on-sale events, one at a time: the SQL function alone (6, as the event page asks), then with its cards. */
async function measureLatency(db: PrismaClient, events: BenchEvent[], now: Date) {
  const random = seededRandom(SEED + 2);
  const onSale = events.filter((event) => event.onSale);
  const picked = Array.from({ length: LATENCY }, () => onSale[Math.floor(random() * onSale.length)].id);
  for (const id of picked.slice(0, 50)) await db.$queryRaw(similarEventsSql(id, now, 6));
  const alone: number[] = [];
  const withCards: number[] = [];
  for (const id of picked) alone.push((await timed(() => db.$queryRaw(similarEventsSql(id, now, 6))))[0]);
  for (const id of picked) withCards.push((await timed(() => querySimilarEvents(db, id, { now, limit: 6 })))[0]);
  return { moreLikeThis: stats(alone), moreLikeThisWithCards: stats(withCards) };
}

async function main() {
  const startedAt = new Date();
  const now = startedAt;
  rmSync(DATA_DIR, { recursive: true, force: true });
  let database: RunningPostgres | undefined;
  let db: PrismaClient | undefined;
  try {
    console.log("Starting a fresh PostgreSQL in .data/bench-recommend…");
    database = await startEmbeddedPostgres({ dataDir: DATA_DIR, database: "local_tickets_bench", quiet: true });
    await applyMigrations(database.url);
    const client = new pg.Client({ connectionString: database.url });
    // A failure below stops the server: the connection's end then must not hide the failure.
    client.on("error", () => undefined);
    await client.connect();

    console.log(`Generating ${EVENTS} events…`);
    const [catalogMs, counts] = await timed(() => generateCatalog(client, { events: EVENTS, venues: Math.max(10, Math.round(EVENTS / 42)), now }));
    // Events added over the last 90 days, so "fresh first" has something to weigh.
    await client.query(`UPDATE events SET created_at = $1::timestamptz - (('x' || substr(md5(slug), 1, 7))::bit(28)::int % 7776000) * interval '1 second'`, [now]);
    const events = await loadEvents(client, now);
    console.log(`  ${counts.events} events (${events.filter((event) => event.onSale).length} on sale) in ${(catalogMs / 1000).toFixed(1)}s`);

    console.log(`Generating ${BUYERS} buyers and ${PURCHASES} purchases…`);
    const buyers = generateBuyers(events, { buyers: BUYERS, purchases: PURCHASES, seed: SEED });
    const [insertMs, inserted] = await timed(() => insertPurchases(client, buyers, new Map(events.map((event) => [event.id, event.price])), now));
    const version = (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version;
    await client.end();
    console.log(`  ${inserted} paid orders + ${buyers.length} held out in ${(insertMs / 1000).toFixed(1)}s`);

    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url, max: 4 }) });
    console.log(`Evaluating ${Math.min(EVALUATE, buyers.length)} buyers…`);
    const [evaluateMs, quality] = await timed(() => evaluate(db!, buyers, now));
    console.log(`Measuring "More like this" latency (${LATENCY} events)…`);
    const latency = await measureLatency(db, events, now);

    const ratio = (a: number, b: number) => (b > 0 ? round(a / b, 2) : null);
    printTable(`Quality over ${quality.buyers} buyers (held-out last purchase)`, ["", "hit rate@10", "nDCG@10", "× baseline hit rate"], [
      ["For you", quality.forYou.hitRate, quality.forYou.ndcg, ratio(quality.forYou.hitRate, quality.forYouBaseline.hitRate)],
      ["  popularity baseline", quality.forYouBaseline.hitRate, quality.forYouBaseline.ndcg, null],
      ["More like this", quality.moreLikeThis.hitRate, quality.moreLikeThis.ndcg, ratio(quality.moreLikeThis.hitRate, quality.moreLikeThisBaseline.hitRate)],
      ["  popularity baseline", quality.moreLikeThisBaseline.hitRate, quality.moreLikeThisBaseline.ndcg, null],
    ]);
    const row = (name: string, s: Stats) => [name, s.count, s.p50, s.p95, s.p99, s.max];
    printTable("Latency in the database, ms (sequential)", ["", "n", "p50", "p95", "p99", "max"], [
      row("More like this (function)", latency.moreLikeThis),
      row("More like this + cards", latency.moreLikeThisWithCards),
      row("For you (function)", quality.forYouLatency),
    ]);

    const file = writeResults("recommend", startedAt, {
      startedAt: startedAt.toISOString(),
      durationSeconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      environment: { ...environment(), postgres: version },
      data: { ...counts, onSale: events.filter((event) => event.onSale).length, buyers: buyers.length, paidOrders: inserted, heldOut: buyers.length, seed: SEED, catalogSeconds: round(catalogMs / 1000, 1), purchasesSeconds: round(insertMs / 1000, 1) },
      quality: { ...quality, evaluateSeconds: round(evaluateMs / 1000, 1), forYouVsBaseline: ratio(quality.forYou.hitRate, quality.forYouBaseline.hitRate), moreLikeThisVsBaseline: ratio(quality.moreLikeThis.hitRate, quality.moreLikeThisBaseline.hitRate) },
      latency,
    }, values.out);
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
