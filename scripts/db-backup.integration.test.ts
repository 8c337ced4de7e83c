// `npm run db:backup` and `npm run db:restore` as an operator runs them (the real scripts,
// in a child process), against the test server: back up, change data, restore into an
// empty database, and find the data as it was.
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { prisma } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrations";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { chooseTool, describeContents, ensureDatabaseExists, withDatabaseName } from "./lib/backup";
import { accountBuyer } from "@/lib/orders/buyer";

const run = promisify(execFile);
const sourceUrl = inject("databaseUrl");
let outDir: string;
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `restore_${Math.random().toString(36).slice(2, 10)}`;
  const url = withDatabaseName(sourceUrl, name);
  await ensureDatabaseExists(url);
  created.push(name);
  return url;
}

function script(name: string, args: string[], databaseUrl: string) {
  return run(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    cwd: process.cwd(),
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Every row of every table, as JSON text, in a stable order. */
async function snapshot(url: string): Promise<Record<string, string>> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> '_function_sources' ORDER BY 1`,
    );
    const result: Record<string, string> = {};
    // The functions' current bodies (prisma/functions), not only the migrations' first ones.
    const { rows: functions } = await client.query<{ data: string }>(
      `SELECT json_agg(p.oid::regprocedure::text || ' ' || md5(p.prosrc) ORDER BY p.oid::regprocedure::text)::text AS data FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace`,
    );
    result["(functions)"] = functions[0].data;
    for (const { name } of tables) {
      const { rows } = await client.query<{ data: string }>(`SELECT coalesce(json_agg(t ORDER BY t::text), '[]')::text AS data FROM "${name}" t`);
      result[name] = rows[0].data;
    }
    return result;
  });
}

/**
 * Ticket types whose stored `held` disagrees with the live holds (of `ticketTypeIds`, or of
 * all). Other test files share this database and some write around the app on purpose,
 * so callers compare with the source or look only at their own ticket types.
 */
async function heldMismatches(url: string, ticketTypeIds?: string[]): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ count: number }>(`
      SELECT count(*)::int AS count FROM ticket_types tt
       WHERE ($1::uuid[] IS NULL OR tt.id = ANY($1::uuid[]))
         AND tt.held <> coalesce((SELECT sum(oi.quantity) FROM order_items oi JOIN orders o ON o.id = oi.order_id
                                   WHERE oi.ticket_type_id = tt.id AND oi.status = 'held' AND o.status = 'pending'), 0)`, [ticketTypeIds ?? null]);
    return rows[0].count;
  });
}

function backupFile(stdout: string): string {
  const match = /Backed up .* to (\S+)/.exec(stdout);
  if (!match) throw new Error(`no file in: ${stdout}`);
  return path.resolve(match[1]);
}

beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), "backups-"));
});

afterAll(async () => {
  rmSync(outDir, { recursive: true, force: true });
  await withClient(withDatabaseName(sourceUrl, "postgres"), async (client) => {
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}, 120_000);

// Runs in a vitest run of its own (see package.json test:unit): after some other files, in a
// shared server, its CREATE/DROP DATABASE calls were seen to wait for minutes.
// Backup and restore run as child processes that compile TypeScript on start: on a loaded
// 2-core machine they need more than the default minute.
describe("db:backup and db:restore", { timeout: 240_000 }, () => {
  it("restores into an empty database exactly the data of the backup, not the later changes", async () => {
    const user = await createTestUser();
    const { event, ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 20, priceMinor: 1500 }] });
    const paid = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 3 }] } });
    await confirmOrderPayment({ orderId: paid.id, provider: "local", paymentRef: null });
    await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
    const before = await snapshot(sourceUrl);
    const mismatchesBefore = await heldMismatches(sourceUrl);

    const backup = await script("db-backup", ["--out", outDir, "--format", "sql"], sourceUrl);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const file = backupFile(backup.stdout);
    expect(path.basename(file)).toMatch(/^local_tickets_test-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z\.sql\.gz$/);

    // Later changes, which the restore must not bring back.
    await prisma.event.update({ where: { id: event.id }, data: { title: "Renamed after the backup" } });
    await prisma.ticket.deleteMany({ where: { orderId: paid.id } });
    await createTestUser();
    expect(await snapshot(sourceUrl)).not.toEqual(before);

    const target = await freshDatabase();
    const restore = await script("db-restore", [file], target);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(await snapshot(target)).toEqual(before);
    // The restored database is a normal, migrated one.
    expect(await applyMigrations(target)).toEqual([]);
    expect(await heldMismatches(target)).toBe(mismatchesBefore);
    expect(await heldMismatches(target, [ticketTypes[0].id])).toBe(0);

    // A second restore into the same (no longer empty) database is refused.
    const again = await script("db-restore", [file], target);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Refusing to restore: database "restore_\w+" is not empty/);

    // A cut-short file restores nothing.
    const truncated = path.join(outDir, "truncated.sql.gz");
    const bytes = readFileSync(file);
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const empty = await freshDatabase();
    const broken = await script("db-restore", [truncated], empty);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/damaged or cut short|incomplete|Nothing was restored/);
    expect(await withClient(empty, describeContents)).toEqual([]);

    // The file is plain SQL: any psql restores it, whatever its version.
    if (spawnSync("psql", ["--version"]).status === 0 && spawnSync("gunzip", ["--version"]).status === 0) {
      const viaPsql = await freshDatabase();
      const psql = spawnSync("sh", ["-c", `gunzip -c "${file}" | psql -X -q -v ON_ERROR_STOP=1 --single-transaction "${viaPsql}"`], { encoding: "utf8" });
      expect(psql.stderr).toBe("");
      expect(psql.status).toBe(0);
      expect(await snapshot(viaPsql)).toEqual(before);
    }
  });

  it("reads one consistent snapshot while purchases go on", async () => {
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 5000, priceMinor: 1000 }] });
    const buyer = await createTestUser();
    let stop = false;
    let purchases = 0;
    const buying = (async () => {
      while (!stop) {
        const order = await reserveTickets({ buyer: accountBuyer(buyer.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 + (purchases % 3) }] } });
        if (purchases % 2 === 0) await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: null });
        purchases++;
      }
    })();
    const backup = await script("db-backup", ["--out", outDir, "--format", "sql"], sourceUrl);
    stop = true;
    await buying;
    expect(backup.code).toBe(0);
    expect(purchases).toBeGreaterThan(0);

    const target = await freshDatabase();
    expect((await script("db-restore", [backupFile(backup.stdout)], target)).code).toBe(0);
    expect(await heldMismatches(target, [ticketTypes[0].id])).toBe(0);
    await withClient(target, async (client) => {
      const { rows } = await client.query<{ orders: number; bad: number }>(`
        SELECT count(*)::int AS orders,
               count(*) FILTER (WHERE (o.status = 'paid' AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.order_id = o.id))
                                   OR NOT EXISTS (SELECT 1 FROM order_items oi WHERE oi.order_id = o.id))::int AS bad
          FROM orders o WHERE o.user_id = $1::uuid`, [buyer.id]);
      expect(rows[0].orders).toBeGreaterThan(0);
      expect(rows[0].bad).toBe(0);
    });
  });

  it("picks a pg_dump only when its major is at least the server's", () => {
    const tools = [{ path: "/usr/bin/pg_dump", major: 15 }, { path: "/opt/pg18/pg_dump", major: 18 }, { path: "/opt/pg17/pg_dump", major: 17 }];
    expect(chooseTool(tools, 18)?.path).toBe("/opt/pg18/pg_dump");
    expect(chooseTool(tools, 16)?.path).toBe("/opt/pg18/pg_dump");
    expect(chooseTool(tools.slice(0, 1), 18)).toBeUndefined();
  });
});
