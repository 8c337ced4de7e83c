// Start-up seeds demo data (with its well-known admin login) into the embedded database
// only; a DATABASE_URL database is seeded only by an explicit `npm run db:seed` (issue 16, item 2).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_HOSTS, demoHostStripe, demoLoginLines } from "../../lib/db/seed-demo-hosts";
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

async function onDatabase(sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
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
    expect(seeded).toEqual({ applied: [], seeded: true, demoAccountsForgotten: 0 });
    expect(await countUsers()).toBeGreaterThan(0);
  });

  it("lets the demo's made-up Stripe accounts go when started with Stripe keys (Stripe would refuse them at checkout)", async () => {
    const connected = async () => (await onDatabase("SELECT slug FROM hosts WHERE charges_enabled ORDER BY slug")).map((row) => row.slug);
    const ready = DEMO_HOSTS.filter((host) => host.stripe === "connected").map((host) => host.slug).sort();
    expect(await connected()).toEqual(ready);
    const saved = process.env.STRIPE_SECRET_KEY;
    process.env.STRIPE_SECRET_KEY = "sk_test_started_with_keys";
    try {
      expect(await migrateAndSeed(url, { demoData: "if-empty" })).toEqual({ applied: [], seeded: false, demoAccountsForgotten: ready.length });
      expect(await connected()).toEqual([]);
      expect(await onDatabase("SELECT count(*)::int AS n FROM hosts WHERE stripe_account_id IS NOT NULL")).toEqual([{ n: 0 }]);
      // Seeded with keys, the same hosts are seeded unconnected, and their logins say so.
      expect(demoHostStripe(DEMO_HOSTS.find((host) => host.stripe === "connected")!, "stripe")).not.toHaveProperty("stripeAccountId");
      expect(demoLoginLines([], "stripe").filter((line) => line.includes("connect a Stripe test account"))).not.toHaveLength(0);
    } finally {
      if (saved === undefined) delete process.env.STRIPE_SECRET_KEY;
      else process.env.STRIPE_SECRET_KEY = saved;
    }
  });
});
