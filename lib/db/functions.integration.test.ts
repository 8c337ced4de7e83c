// prisma/functions is the one source of every SQL function: the migrated test database has
// exactly the files' functions, and a changed, removed or re-signed file changes the database.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { FUNCTIONS_DIR, applyFunctionSources, readFunctionSources } from "./functions";
import { applyMigrations } from "./migrations";

const ownFunctions = async (client: pg.Client) =>
  (await client.query<{ name: string; signature: string; body: string }>(`
    SELECT p.proname AS name, p.oid::regprocedure::text AS signature, p.prosrc AS body FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
     ORDER BY 1, 2`)).rows;

describe("SQL functions come from prisma/functions, one file each", () => {
  it("the migrated database has one function per file, named as the file", async () => {
    const rows = await prisma.$queryRaw<{ name: string }[]>`
      SELECT p.proname AS name FROM pg_proc p
       WHERE p.pronamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`;
    expect(rows.map((row) => row.name).sort()).toEqual(readFunctionSources().map((source) => source.name).sort());
  });

  it("each file defines the function it is named after, and nothing else", () => {
    for (const source of readFunctionSources()) {
      const created = [...source.sql.matchAll(/CREATE (OR REPLACE )?FUNCTION "?([a-z_0-9]+)"?\s*\(/gi)];
      expect(created.map((match) => match[2]), source.name).toEqual([source.name]);
      expect(created[0][1], `${source.name}: CREATE OR REPLACE, so the file can be applied again`).toBeTruthy();
    }
  });

  describe("on a database of its own", () => {
    const databaseName = `functions_${process.pid}`;
    let url: string;
    let client: pg.Client;
    let dir: string;

    beforeAll(async () => {
      await prisma.$executeRawUnsafe(`CREATE DATABASE "${databaseName}"`);
      const base = new URL(process.env.DATABASE_URL!);
      base.pathname = `/${databaseName}`;
      url = base.toString();
      dir = mkdtempSync(path.join(tmpdir(), "functions-"));
      cpSync(FUNCTIONS_DIR, dir, { recursive: true });
      await applyMigrations(url, undefined, dir);
      client = new pg.Client({ connectionString: url });
      await client.connect();
    });

    afterAll(async () => {
      await client?.end();
      rmSync(dir, { recursive: true, force: true });
      await prisma.$executeRawUnsafe(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`);
    });

    it("applies nothing when no file changed", async () => {
      expect(await applyFunctionSources(client, dir)).toBe(false);
    });

    it("a changed body, a removed file and a new signature are the database's after the next apply", async () => {
      const before = await ownFunctions(client);
      writeFileSync(path.join(dir, "feed_slot_horizon.sql"), `CREATE OR REPLACE FUNCTION "feed_slot_horizon"() RETURNS interval LANGUAGE sql IMMUTABLE AS $$ SELECT interval '21 days' $$;\n`);
      rmSync(path.join(dir, "order_job_payload.sql"));
      const held = readFileSync(path.join(dir, "buyer_held_places.sql"), "utf8");
      writeFileSync(path.join(dir, "buyer_held_places.sql"), held.replace("(p_email text)", "(p_email text, p_unused int DEFAULT 0)"));

      expect(await applyFunctionSources(client, dir)).toBe(true);
      const after = await ownFunctions(client);
      expect(after.find((row) => row.name === "feed_slot_horizon")?.body).toContain("21 days");
      expect(after.some((row) => row.name === "order_job_payload")).toBe(false);
      expect(after.filter((row) => row.name === "buyer_held_places").map((row) => row.signature)).toEqual(["buyer_held_places(text,integer)"]);
      expect(after.length).toBe(before.length - 1);
    });

    it("refuses to drop a function a trigger still uses, and changes nothing", async () => {
      const before = await ownFunctions(client);
      rmSync(path.join(dir, "jobs_notify_due.sql"));
      await expect(applyFunctionSources(client, dir)).rejects.toThrow(/jobs_notify_due\(\) has no file in prisma\/functions but cannot be dropped/);
      expect(await ownFunctions(client)).toEqual(before);
    });
  });
});
