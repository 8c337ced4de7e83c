// The production topology without Docker: two production app processes (`scripts/run.ts
// start`, as `npm start` runs it) on ONE PostgreSQL server, each with its own worker loop.
//  - a purchase on A is seen live on B (B's Server-Sent Events stream, then B's pages);
//  - a session made on one instance works on the other (same AUTH_SECRET, JWT cookies);
//  - both drain the job queue at once, and no job runs twice;
//  - SIGTERM lets the request in flight finish before the process exits.
// Needs a production build (`npm run build`), like the rest of the e2e suite. It starts
// its own servers, so it runs once (desktop project), not per viewport.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { expect, test, type Page } from "@playwright/test";
import { findFreePort, startEmbeddedPostgres, type RunningPostgres } from "../scripts/lib/embedded-postgres";
import { chooseTickets, reserveAndPayLocally } from "./buying";
import { DEMO, uniqueEmail } from "./helpers";

test.describe.configure({ mode: "serial" });

const AUTH_SECRET = randomBytes(32).toString("base64url");
const JOBS_SECRET = randomBytes(32).toString("base64url");
const TICKET_SIGNING_SECRET = randomBytes(32).toString("base64url");
const TICKET_SIGNING_KEY = randomBytes(32).toString("base64url");
const root = path.resolve(`.data/e2e-scale-${process.pid}`);

type Instance = { name: string; url: string; process: ChildProcess; output: string[] };
let database: RunningPostgres;
let a: Instance;
let b: Instance;

/** A process and all its descendants (an instance is run.ts, Next and its workers). */
function processTree(root: number): number[] {
  // /proc, not ps: a fresh machine may not have procps. Field 4 of stat is the parent (after "(name)").
  const children = readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      return [[Number(pid), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1])]];
    } catch {
      return []; // gone meanwhile
    }
  });
  const tree = [root];
  for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of children) if (ppid === tree[i]) tree.push(pid);
  return tree;
}

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(text, params)).rows;
  } finally {
    await client.end();
  }
}

async function startInstance(name: string): Promise<Instance> {
  const port = await findFreePort();
  const url = `http://localhost:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/run.ts", "start", "--quiet", "--port", String(port), "--data-dir", path.join(root, name)], {
    // One storage folder for both, as compose.yaml shares one volume (S3 on several hosts).
    // A real database without Stripe: production needs the explicit opt-in to test payments.
    env: { ...process.env, DATABASE_URL: database.url, AUTH_SECRET, JOBS_SECRET, TICKET_SIGNING_SECRET, TICKET_SIGNING_KEY, UNSAFE_TEST_PAYMENTS: "true", APP_URL: url, STORAGE_DIR: path.join(root, "storage"), LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout!.on("data", (chunk) => output.push(String(chunk)));
  child.stderr!.on("data", (chunk) => output.push(String(chunk)));
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode}): ${output.join("").slice(-3000)}`);
    const ready = await fetch(`${url}/api/ready?skip=queue`).then((response) => response.ok, () => false);
    if (ready) return { name, url, process: child, output };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${name} did not become ready: ${output.join("").slice(-3000)}`);
}

function stopInstance(instance: Instance | undefined, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  return new Promise((resolve) => {
    if (!instance || instance.process.exitCode !== null || instance.process.signalCode !== null) return resolve(instance?.process.exitCode ?? null);
    instance.process.once("exit", (code) => resolve(code));
    instance.process.kill(signal);
  });
}

async function signIn(page: Page, base: string) {
  await page.goto(`${base}/sign-in?callbackUrl=/account`);
  await page.getByLabel("Email").fill(DEMO.attendee.email);
  await page.getByLabel("Password").fill(DEMO.attendee.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "My tickets" })).toBeVisible();
}

/** Reads B's Server-Sent Events until `predicate` matches a payload (or the time runs out). */
async function waitForStreamEvent(url: string, predicate: (data: Record<string, unknown>) => boolean, ready: () => Promise<void>) {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal, headers: { accept: "text/event-stream" } });
  expect(response.status).toBe(200);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const timer = setTimeout(() => abort.abort(), 30_000);
  let buffer = "";
  const matched = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += value;
        const events = buffer.split("\n\n");
        buffer = events.pop()!;
        for (const event of events) {
          const data = event.split("\n").filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trim()).join("\n");
          if (!data) continue;
          try {
            const parsed = JSON.parse(data) as Record<string, unknown>;
            if (predicate(parsed)) return parsed;
          } catch {
            // a comment or keep-alive
          }
        }
      }
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
      abort.abort();
    }
  })();
  await ready();
  return matched;
}

test.beforeAll(async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "starts its own servers: once is enough");
  testInfo.setTimeout(300_000);
  rmSync(root, { recursive: true, force: true });
  database = await startEmbeddedPostgres({ dataDir: path.join(root, "pg"), database: "scale_out", quiet: true });
  // Start-up never seeds a DATABASE_URL (the demo admin must not reach a real database):
  // seed it explicitly, as an operator would with `npm run db:seed`. Then A migrates nothing
  // new, and B finds it ready.
  const seed = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-seed.ts"], { env: { ...process.env, DATABASE_URL: database.url }, encoding: "utf8" });
  if (seed.status !== 0) throw new Error(`db:seed failed: ${seed.stderr}`);
  a = await startInstance("a");
  b = await startInstance("b");
});

test.afterAll(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await database?.stop();
  rmSync(root, { recursive: true, force: true });
});

test("a purchase on A is seen live on B", async ({ page, context }) => {
  const [event] = await sql<{ id: string }>(`SELECT id FROM events WHERE slug = $1`, [DEMO.ticketed]);
  await signIn(page, a.url);
  await page.goto(`${a.url}/events/${DEMO.ticketed}`);
  const typeId = await chooseTickets(page, 2);
  const [before] = await sql<{ remaining: number }>(`SELECT remaining FROM ticket_types WHERE id = $1`, [typeId]);

  let orderId = "";
  const seen = await waitForStreamEvent(
    `${b.url}/api/stream?event=${event.id}`,
    (data) => Array.isArray(data.ticketTypes) && (data.ticketTypes as { id: string; remaining: number }[]).some((type) => type.id === typeId && type.remaining === before.remaining - 2),
    async () => {
      await reserveAndPayLocally(page);
      orderId = /\/orders\/([0-9a-f-]+)/.exec(page.url())![1];
    },
  );
  expect(seen, "B's stream announced the places A sold").not.toBeNull();

  // B's pages show the same state, with the session cookie A issued (same host, same secret).
  const onB = await context.newPage();
  await onB.goto(`${b.url}/orders/${orderId}`);
  await expect(onB.getByTestId("order-status")).toHaveAttribute("data-status", "paid");
  await expect(onB.getByTestId("ticket")).toHaveCount(2);
  await onB.goto(`${b.url}/events/${DEMO.ticketed}`);
  await expect(onB.getByTestId(`remaining-${typeId}`)).toHaveText(`${before.remaining - 2} left`);
});

test("a session made on B works on A", async ({ page }) => {
  const email = uniqueEmail("scale");
  await page.goto(`${b.url}/sign-up?callbackUrl=/account`);
  await page.getByLabel("Your name").fill("Sam Scale");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/^Password/).fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  // A sign-up signs nobody in (issue 27); an account not verified yet may sign in with its password.
  await expect(page.locator("main").getByRole("status")).toContainText("Check your email");
  await page.goto(`${b.url}/sign-in?callbackUrl=/account`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
  await page.goto(`${a.url}/account`);
  await expect(page).toHaveURL(`${a.url}/account`);
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
});

test("both instances drain the queue at once and no job runs twice", async ({}, testInfo) => {
  testInfo.setTimeout(180_000);
  const users = (await sql<{ id: string }>(`SELECT id FROM users ORDER BY created_at LIMIT 3`)).map((row) => row.id);
  const [type] = await sql<{ id: string }>(`
    SELECT tt.id FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id JOIN events e ON e.id = s.event_id
     WHERE e.status = 'published' AND NOT s.cancelled AND s.starts_at > now() + interval '1 day' AND tt.price_minor > 0
     ORDER BY tt.remaining DESC LIMIT 1`);
  await sql(`UPDATE ticket_types SET capacity = capacity + 500 WHERE id = $1`, [type.id]);
  const startedAt = (await sql<{ now: Date }>(`SELECT now()`))[0].now;

  // 40 paid orders through the real purchase code; their delivery jobs wait until released.
  const buyer = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/crash-buyer.ts", users.join(","), type.id, "4", "40"], {
    env: { ...process.env, DATABASE_URL: database.url, AUTH_SECRET, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const hold = setInterval(() => {
    void sql(`UPDATE jobs SET run_at = now() + interval '1 hour' WHERE kind = 'deliver_order' AND status = 'queued' AND created_at >= $1`, [startedAt]);
  }, 100);
  const exitCode = await new Promise((resolve) => buyer.once("exit", resolve));
  clearInterval(hold);
  expect(exitCode).toBe(0);
  await sql(`UPDATE jobs SET run_at = now() + interval '1 hour' WHERE kind = 'deliver_order' AND status = 'queued' AND created_at >= $1`, [startedAt]);

  // Release them all and call both instances at once. Until both hold jobs, no delivery can
  // finish (the outbox is locked against inserts), so a fast instance (or its own worker
  // loop) cannot drain all 40 before the other asks: the race is shown, not hoped for.
  const outboxLock = new pg.Client({ connectionString: database.url });
  await outboxLock.connect();
  await outboxLock.query(`BEGIN; LOCK TABLE email_outbox IN SHARE MODE`);
  await sql(`UPDATE jobs SET run_at = now() WHERE kind = 'deliver_order' AND status = 'queued' AND created_at >= $1`, [startedAt]);
  const drain = (instance: Instance) =>
    fetch(`${instance.url}/api/jobs/run`, { method: "POST", headers: { authorization: `Bearer ${JOBS_SECRET}` } }).then(async (response) => {
      expect(response.status).toBe(200);
      return (await response.json()) as { claimed: number };
    });
  const firstDrains = Promise.all([drain(a), drain(b), drain(a), drain(b)]);
  // A job's lock names the process holding it (host:pid); each instance is a tree of processes.
  const instanceOfPid = new Map<number, string>();
  for (const instance of [a, b]) for (const pid of processTree(instance.process.pid!)) instanceOfPid.set(pid, instance.name);
  let holders = new Set<string>();
  for (let wait = 0; wait < 300 && holders.size < 2; wait++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const locks = await sql<{ locked_by: string }>(
      `SELECT DISTINCT locked_by FROM jobs WHERE kind = 'deliver_order' AND status = 'running' AND created_at >= $1`,
      [startedAt],
    );
    holders = new Set(locks.map((lock) => instanceOfPid.get(Number(lock.locked_by.split(":").pop())) ?? lock.locked_by));
  }
  await outboxLock.query(`COMMIT`);
  await outboxLock.end();
  expect([...holders].sort(), "both instances hold delivery jobs at the same time").toEqual([a.name, b.name].sort());
  await firstDrains;
  for (let round = 0; round < 20; round++) {
    await Promise.all([drain(a), drain(b)]);
    const [left] = await sql<{ count: number }>(
      `SELECT count(*)::int AS count FROM jobs WHERE kind = 'deliver_order' AND status IN ('queued', 'running') AND created_at >= $1`,
      [startedAt],
    );
    if (left.count === 0) break;
  }

  const jobs = await sql<{ status: string; attempts: number; n: number }>(
    `SELECT status::text, attempts, count(*)::int AS n FROM jobs WHERE kind = 'deliver_order' AND created_at >= $1 GROUP BY 1, 2`,
    [startedAt],
  );
  // Every delivery job claimed exactly once (each claim adds an attempt) and done.
  expect(jobs).toEqual([{ status: "succeeded", attempts: 1, n: expect.any(Number) }]);
  expect(jobs[0].n).toBeGreaterThanOrEqual(40);
  const [emails] = await sql<{ orders: number; emails: number }>(`
    SELECT count(DISTINCT o.id)::int AS orders, count(m.id)::int AS emails
      FROM orders o JOIN email_outbox m ON m.idempotency_key = 'deliver_order:' || o.id
     WHERE o.paid_at >= $1`, [startedAt]);
  expect(emails.emails).toBe(emails.orders);
});

test("SIGTERM: the request in flight finishes, then the instance exits; the other keeps serving", async ({}, testInfo) => {
  testInfo.setTimeout(120_000);
  // A request that is certainly in flight: B's drain first sweeps expired holds, and this
  // test holds the lock of the ticket type such a hold is on, until B has been told to stop.
  const [pending] = await sql<{ id: string; ticket_type_id: string }>(`
    SELECT o.id, oi.ticket_type_id FROM orders o JOIN order_items oi ON oi.order_id = o.id
     WHERE o.status = 'pending' AND oi.status = 'held' LIMIT 1`);
  expect(pending, "the queue test left an unpaid hold").toBeTruthy();
  const locker = new pg.Client({ connectionString: database.url });
  await locker.connect();
  try {
    // Cutting a hold short also lowers its ticket type's expiry bound (trigger
    // orders_keep_hold_expiry_bound), which takes that ticket type's row lock: so the hold is
    // set to expire a few seconds ahead BEFORE the lock is taken (no sweeper touches it yet),
    // and B is called once it has expired.
    await sql(`UPDATE orders SET hold_expires_at = now() + interval '4 seconds' WHERE id = $1`, [pending.id]);
    await locker.query("BEGIN");
    await locker.query("SELECT id FROM ticket_types WHERE id = $1 FOR UPDATE", [pending.ticket_type_id]);
    await expect
      .poll(async () => (await sql<{ due: boolean }>(`SELECT hold_expires_at <= now() AS due FROM orders WHERE id = $1`, [pending.id]))[0].due, { timeout: 15_000 })
      .toBe(true);

    const inFlight = fetch(`${b.url}/api/jobs/run`, { method: "POST", headers: { authorization: `Bearer ${JOBS_SECRET}` } });
    await expect
      .poll(async () => (await sql<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock'`))[0].n)
      .toBeGreaterThan(0);
    const exited = stopInstance(b);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(b.process.exitCode, "B waits for its request in flight").toBeNull();
    await locker.query("COMMIT");

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ holdsSwept: expect.any(Number) });
    expect(await exited).toBe(0);
  } finally {
    await locker.end();
  }
  await expect.poll(() => fetch(`${b.url}/api/health`).then(() => "up", () => "down")).toBe("down");
  const [order] = await sql<{ held: number }>(`SELECT count(*)::int AS held FROM order_items WHERE order_id = $1 AND status = 'held'`, [pending.id]);
  expect(order.held).toBe(0);
  expect((await fetch(`${a.url}/api/health`)).status).toBe(200);
});
