// The buying hot path runs single statements (lib/db.ts `sql`), each its own transaction. A
// deadlock rolls the whole statement back, so it is run again instead of reaching a buyer as a
// 500 (ADR 0002; inTransaction does the same for transactions).
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "@/lib/db";

const table = `deadlock_probe_${process.pid}`;
let other: pg.Client;

beforeAll(async () => {
  other = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await other.connect();
  await other.query(`CREATE TABLE ${table} (id int PRIMARY KEY, n int NOT NULL DEFAULT 0)`);
  await other.query(`INSERT INTO ${table} (id) VALUES (1), (2)`);
});

afterAll(async () => {
  await other.query(`DROP TABLE IF EXISTS ${table}`);
  await other.end();
});

const run = (text: string) => sql<{ id: number }>(Object.assign([text], { raw: [text] }) as TemplateStringsArray);

describe("a single statement that deadlocks", () => {
  it("is run again and succeeds once the other transaction is through, counted once", async () => {
    // Another transaction holds row 1 …
    await other.query("BEGIN");
    await other.query(`UPDATE ${table} SET n = n + 10 WHERE id = 1`);
    // … while the statement takes row 2, then waits for row 1.
    const statement = run(
      `WITH locked AS (SELECT id FROM ${table} WHERE id IN (1, 2) ORDER BY id DESC FOR UPDATE)
       UPDATE ${table} t SET n = n + 1 FROM locked WHERE t.id = locked.id RETURNING t.id`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    // The other transaction now wants row 2: a cycle. PostgreSQL aborts the statement (it has
    // waited longest, so its deadlock check runs first); the other goes on and commits; the
    // statement runs again.
    await other.query(`UPDATE ${table} SET n = n + 10 WHERE id = 2`);
    await other.query("COMMIT");
    expect((await statement).map((row) => row.id).sort()).toEqual([1, 2]);
    const { rows } = await other.query(`SELECT id, n FROM ${table} ORDER BY id`);
    expect(rows).toEqual([{ id: 1, n: 11 }, { id: 2, n: 11 }]);
  });
});
