// Start-up seeds demo data (with its well-known admin login) into the embedded database
// only; a DATABASE_URL database is seeded only by an explicit `npm run db:seed` (issue 16, item 2).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { demoDataPolicy, migrateAndSeed } from "./prepare-database";

const serverUrl = process.env.DATABASE_URL!;
const name = `seed_policy_${randomUUID().slice(0, 8)}`;
const url = (() => {
  const parsed = new URL(serverUrl);
  parsed.pathname = `/${name}`;
  return parsed.toString();
})();

async function onServer(sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function countUsers(): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query("SELECT count(*) FROM users")).rows[0].count);
  } finally {
    await client.end();
  }
}

afterAll(() => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));

describe("demo data on start", () => {
  it("is for the embedded database only", () => {
    expect(demoDataPolicy({ embedded: {} })).toBe("if-empty");
    expect(demoDataPolicy({})).toBe("never");
  });

  it("never reaches an empty DATABASE_URL database on start; an explicit seed does", async () => {
    await onServer(`CREATE DATABASE ${name}`);
    const started = await migrateAndSeed(url, { demoData: demoDataPolicy({}) });
    expect(started.seeded).toBe(false);
    expect(started.applied.length).toBeGreaterThan(0);
    expect(await countUsers()).toBe(0);

    const seeded = await migrateAndSeed(url, { demoData: "if-empty" });
    expect(seeded).toEqual({ applied: [], seeded: true });
    expect(await countUsers()).toBeGreaterThan(0);
  });
});
