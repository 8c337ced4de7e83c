// What the sale benchmarks share (scripts/bench-flash-sale.ts, scripts/bench-onsale.ts): buyers
// with API tokens, a sale of two ticket types, the health ceiling, CPU per phase, a noisy neighbour.
import { randomBytes } from "node:crypto";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import pg from "pg";
import { hashApiToken } from "../../lib/auth/api-tokens";
import { machineCpuSeconds, ownCpuSeconds, processTreeCpu, round, stats, type RunningApp } from "./bench-common";
import { breakdown, fireBurst, type BurstRequest } from "./bench-http";

export type Buyer = { userId: string; secret: string };
/** The benchmark's own connection: a pool of one, so that it comes back after the database restarts (--faults). */
export type Db = pg.Pool;
/** `code`: one voucher every buyer sends (bench:flash-sale --code-uses). */
export type Sale = { eventId: string; typeIds: [string, string]; code?: { id: string; code: string; maxUses: number } };

/** Buyers with one API token each, written in two set-based statements. */
export async function prepareBuyers(client: Db, count: number, prefix: string): Promise<Buyer[]> {
  const emails = Array.from({ length: count }, (_, index) => `${prefix}-${index}@example.test`);
  const users = await client.query<{ id: string; email: string }>(
    `INSERT INTO users (email, name, password_hash)
     SELECT e, 'Flash Buyer ' || n, 'not-a-password-hash' FROM unnest($1::text[]) WITH ORDINALITY AS x(e, n)
     RETURNING id, email`,
    [emails],
  );
  const idByEmail = new Map(users.rows.map((row) => [row.email, row.id]));
  const buyers = emails.map((email) => ({ userId: idByEmail.get(email)!, secret: `lt_${randomBytes(32).toString("base64url")}` }));
  // Tokens expire since 2026-12 (expires_at); the column test lets this script measure older builds too.
  const { rowCount: expiring } = await client.query("SELECT 1 FROM information_schema.columns WHERE table_name = 'api_tokens' AND column_name = 'expires_at'");
  await client.query(
    `INSERT INTO api_tokens (user_id, name, token_hash, token_hint${expiring ? ", expires_at" : ""})
     SELECT u, 'flash sale', h, right(s, 4)${expiring ? ", now() + interval '30 days'" : ""} FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(u, h, s)`,
    [buyers.map((buyer) => buyer.userId), buyers.map((buyer) => hashApiToken(buyer.secret)), buyers.map((buyer) => buyer.secret)],
  );
  return buyers;
}

/**
 * A published event in 30 days with two ticket types sharing `places`, at a venue of its own;
 * with `salesStart`, both types go on sale at that instant (a scheduled on-sale, issue 28).
 */
export async function prepareSale(client: Db, name: string, places: number, options: { salesStart?: Date } = {}): Promise<Sale> {
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
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO ticket_types (session_id, name, price_minor, capacity, sort_order${options.salesStart ? ", sales_start" : ""})
     VALUES ($1, 'Standing', 2500, $2, 0${options.salesStart ? ", $4" : ""}), ($1, 'Seated', 4000, $3, 1${options.salesStart ? ", $4" : ""}) RETURNING id`,
    [session.id, Math.ceil(places / 2), Math.floor(places / 2), ...(options.salesStart ? [options.salesStart] : [])],
  );
  return { eventId: event.id, typeIds: [rows[0].id, rows[1].id] };
}

export type Usage = { app: number; postgres: number; loadGenerator: number; otherProcesses: number };

/** CPU seconds of the app (Next and run.ts), PostgreSQL, this process and everything else, over a phase. */
export function measureCpu(app: RunningApp): { stop: () => Usage } {
  const tree0 = processTreeCpu(app.pid);
  const own0 = ownCpuSeconds();
  const machine0 = machineCpuSeconds();
  return {
    stop: () => {
      const tree1 = processTreeCpu(app.pid);
      const appSeconds = tree1.app - tree0.app;
      const postgresSeconds = tree1.postgres - tree0.postgres;
      const loadGenerator = ownCpuSeconds() - own0;
      const other = Math.max(0, machineCpuSeconds() - machine0 - appSeconds - postgresSeconds - loadGenerator);
      return { app: round(appSeconds, 2), postgres: round(postgresSeconds, 2), loadGenerator: round(loadGenerator, 2), otherProcesses: round(other, 2) };
    },
  };
}

export async function transactionsSoFar(client: Db): Promise<number> {
  await client.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await client.query<{ n: string }>("SELECT (xact_commit + xact_rollback)::text AS n FROM pg_stat_database WHERE datname = current_database()");
  return Number(rows[0].n);
}

export async function withDb<T>(url: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = new pg.Pool({ connectionString: url, max: 1 });
  // A connection cut by the database's restart (--faults) is replaced at the next query.
  db.on("error", () => {});
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

/** Ceiling 1: the same crowd on the app's cheapest route. */
export async function runHealthCeiling(app: RunningApp, count: number, timeoutMs: number) {
  const requests: BurstRequest[] = Array.from({ length: count }, () => ({ url: `${app.baseUrl}/api/health`, method: "GET", headers: {} }));
  const { results, wallMs } = await fireBurst(requests, { timeoutMs });
  const answered = results.filter((result) => result.status === 200).length;
  return { requests: count, answered, seconds: round(wallMs / 1000, 2), requestsPerSecond: round(count / (wallMs / 1000), 1), latency: stats(results.map((r) => r.latencyMs)), breakdown: breakdown(results) };
}

/** A CPU-bound neighbour on one core (stress-ng from apt when present, else a Node busy loop). */
export function startNoise(): ChildProcess {
  const hasStress = spawnSync("sh", ["-c", "command -v stress-ng"]).status === 0;
  const child = hasStress
    ? spawn("stress-ng", ["--cpu", "1", "--cpu-method", "matrixprod", "--quiet"], { stdio: "ignore" })
    : spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" });
  return child;
}
