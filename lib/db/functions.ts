// The current source of every SQL function lives in prisma/functions/<name>.sql, one function
// per file, applied after the migrations by a repeatable step (docs/decisions/0010). Migrations
// keep tables, constraints, triggers and data; a function's body is changed by editing its file,
// so a review reads the whole rule in one place and a change is a diff of that file.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type pg from "pg";

export const FUNCTIONS_DIR = path.resolve(process.cwd(), "prisma/functions");

export type FunctionSource = { name: string; sql: string };

export function readFunctionSources(dir = FUNCTIONS_DIR): FunctionSource[] {
  return readdirSync(/*turbopackIgnore: true*/ dir)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((file) => ({ name: file.slice(0, -4), sql: readFileSync(path.join(dir, file), "utf8") }));
}

/** One checksum over every file's name and text: unchanged files are not applied again. */
export function functionsChecksum(sources: FunctionSource[]): string {
  const hash = createHash("sha256");
  for (const source of sources) hash.update(source.name).update("\0").update(source.sql).update("\0");
  return hash.digest("hex");
}

const CREATE_BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_function_sources" ("id" int PRIMARY KEY CHECK ("id" = 1), "checksum" text NOT NULL, "applied_at" timestamptz NOT NULL DEFAULT now())`;

export class FunctionSourceError extends Error {}

/**
 * Makes the database's functions exactly the files: each file is run (CREATE OR REPLACE), then
 * every function of the public schema that no file created or replaced in this transaction and
 * no extension owns is dropped, so a removed file, or a changed signature's old overload, goes
 * too. Without CASCADE: a function still used by a trigger or a default stops the step with
 * the database's message, and nothing changes. One transaction; the caller holds the
 * migration lock. Returns whether anything was applied.
 */
export async function applyFunctionSources(client: pg.Client, dir = FUNCTIONS_DIR): Promise<boolean> {
  const sources = readFunctionSources(dir);
  const checksum = functionsChecksum(sources);
  await client.query(CREATE_BOOKKEEPING);
  const { rows } = await client.query<{ checksum: string }>(`SELECT checksum FROM "_function_sources" WHERE id = 1`);
  if (rows[0]?.checksum === checksum) return false;

  await client.query("BEGIN");
  try {
    // Bodies may call functions of files later in the order; they are checked when called.
    await client.query("SET LOCAL check_function_bodies = off");
    for (const source of sources) {
      try {
        await client.query(source.sql);
      } catch (error) {
        throw new FunctionSourceError(`prisma/functions/${source.name}.sql failed: ${(error as Error).message}`);
      }
    }
    // A row created or replaced by this transaction carries its id as xmin.
    const { rows: stale } = await client.query<{ signature: string }>(`
      SELECT p.oid::regprocedure::text AS signature
        FROM pg_proc p
       WHERE p.pronamespace = 'public'::regnamespace
         AND p.xmin <> pg_current_xact_id()::xid
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`);
    for (const { signature } of stale) {
      try {
        await client.query(`DROP FUNCTION ${signature}`);
      } catch (error) {
        throw new FunctionSourceError(`${signature} has no file in prisma/functions but cannot be dropped: ${(error as Error).message}`);
      }
    }
    await client.query(
      `INSERT INTO "_function_sources" (id, checksum) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checksum = $1, applied_at = now()`,
      [checksum],
    );
    await client.query("COMMIT");
    return true;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
