// Backups without a pg_dump of the server's major version (see docs/decisions/0005-backups.md).
//
// The format is a gzip-compressed plain SQL script, the same shape as `pg_dump | gzip`:
//   header comments (what, when, which migrations) → the schema, replayed from the
//   migration files the database recorded as applied (their checksums must match) →
//   `COPY … FROM stdin;` blocks with the rows of every table → sequence positions →
//   a trailer with the row count of every table (a truncated file is refused).
// It is read from ONE repeatable-read snapshot, so the tables agree with each other even
// while the app keeps selling. Restore with `npm run db:restore FILE`, or with any psql:
//   gunzip -c FILE | psql -v ON_ERROR_STOP=1 --single-transaction "$DATABASE_URL"
// Where a pg_dump of the server's major (or newer) is installed, `--format custom` writes
// pg_dump's custom format instead, and restore hands `.dump` files to pg_restore.
import { spawn, spawnSync } from "node:child_process";
import { closeSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { CREATE_PRISMA_MIGRATIONS_TABLE, MIGRATIONS_DIR, readMigrations } from "../../lib/db/migrations";

export const FORMAT_NAME = "local-tickets-sql";
export const FORMAT_VERSION = 1;
const MARK = "-- @@";

export class BackupError extends Error {}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = (schema: string, name: string) => `${ident(schema)}.${ident(name)}`;

export type BackupMeta = {
  format: typeof FORMAT_NAME;
  version: number;
  createdAt: string;
  database: string;
  serverVersion: string;
  migrations: string[];
};

export type BackupResult = { file: string; format: "sql" | "custom"; bytes: number; rows: Record<string, number>; ms: number };

type Table = { schema: string; name: string; columns: string[] };

/** Tables of the public schema in an order where every table comes after the ones it references. */
async function listTables(client: pg.Client): Promise<Table[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(`
    SELECT c.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) AS columns
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
       -- Bookkeeping of prisma/functions: left out, so the next migrate applies the files again.
       AND c.relname <> '_function_sources'
     GROUP BY c.relname
     ORDER BY c.relname`);
  const { rows: references } = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT c.relname AS child, p.relname AS parent
      FROM pg_constraint k
      JOIN pg_class c ON c.oid = k.conrelid
      JOIN pg_class p ON p.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND k.conrelid <> k.confrelid`);
  const parents = new Map(rows.map((row) => [row.name, new Set<string>()]));
  for (const reference of references) parents.get(reference.child)?.add(reference.parent);
  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (placed.size < rows.length) {
    const ready = rows.filter((row) => !placed.has(row.name) && [...parents.get(row.name)!].every((parent) => placed.has(parent) || !parents.has(parent)));
    if (ready.length === 0) {
      throw new BackupError(`Foreign keys form a cycle among: ${rows.filter((row) => !placed.has(row.name)).map((row) => row.name).join(", ")}`);
    }
    for (const row of ready) {
      placed.add(row.name);
      ordered.push({ schema: "public", name: row.name, columns: row.columns });
    }
  }
  return ordered;
}

/** The migration files the database recorded as applied; refuses when they differ from this checkout. */
async function appliedMigrationSql(client: pg.Client, dir: string): Promise<{ name: string; sql: string }[]> {
  const present = await client.query<{ present: boolean }>(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
  if (!present.rows[0].present) throw new BackupError("This database has no _prisma_migrations table: run `npm run db:migrate` first, or back it up with pg_dump.");
  const { rows } = await client.query<{ migration_name: string; checksum: string }>(`
    SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`);
  const onDisk = new Map(readMigrations(dir).map((migration) => [migration.name, migration]));
  return rows.map((row) => {
    const file = onDisk.get(row.migration_name);
    if (!file) {
      throw new BackupError(`The database has migration ${row.migration_name}, which this checkout does not have: back up with the code that migrated it.`);
    }
    if (file.checksum !== row.checksum) {
      throw new BackupError(`Migration ${row.migration_name} on disk differs from the one applied to the database (checksum mismatch).`);
    }
    return { name: file.name, sql: file.sql };
  });
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/:/g, "-");
}

async function writeText(stream: Writable, text: string | Buffer): Promise<void> {
  if (!stream.write(text)) await new Promise((resolve) => stream.once("drain", resolve));
}

/** COPY's text format writes one line per row. */
function countLines(chunk: Buffer): number {
  let count = 0;
  for (let index = chunk.indexOf(10); index !== -1; index = chunk.indexOf(10, index + 1)) count++;
  return count;
}

export async function serverInfo(url: string): Promise<{ major: number; version: string; database: string }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ version: string; num: string; database: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num, current_database() AS database`,
    );
    return { version: rows[0].version, major: Math.floor(Number(rows[0].num) / 10000), database: rows[0].database };
  } finally {
    await client.end();
  }
}

/** Writes the portable SQL backup of `url` into `outDir`; returns the file written. */
export async function backupToSql(options: { url: string; outDir: string; migrationsDir?: string; now?: Date }): Promise<BackupResult> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  mkdirSync(options.outDir, { recursive: true });
  let partial: string | undefined;
  try {
    // One snapshot for everything read below: the tables agree with each other.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    await client.query("SET LOCAL statement_timeout = 0");
    const info = await client.query<{ version: string; database: string }>(
      `SELECT current_setting('server_version') AS version, current_database() AS database`,
    );
    const migrations = await appliedMigrationSql(client, options.migrationsDir ?? MIGRATIONS_DIR);
    const tables = await listTables(client);
    const sequences = await client.query<{ name: string; last_value: string | null }>(
      `SELECT sequencename AS name, last_value::text FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
    );
    const createdAt = options.now ?? new Date();
    const meta: BackupMeta = {
      format: FORMAT_NAME,
      version: FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      database: info.rows[0].database,
      serverVersion: info.rows[0].version,
      migrations: migrations.map((migration) => migration.name),
    };
    const file = path.join(options.outDir, `${meta.database}-${timestamp(createdAt)}.sql.gz`);
    partial = `${file}.partial`;

    const gzip = createGzip({ level: 6 });
    const output = createWriteStream(partial, { mode: 0o600 });
    const written = pipeline(gzip, output);
    const rows: Record<string, number> = {};

    await writeText(gzip, [
      `-- Local Tickets database backup: ${meta.database}, ${meta.createdAt}, PostgreSQL ${meta.serverVersion}`,
      `-- Restore into an EMPTY database: npm run db:restore FILE`,
      `--   or: gunzip -c FILE | psql -v ON_ERROR_STOP=1 --single-transaction "$DATABASE_URL"`,
      `${MARK}meta ${JSON.stringify(meta)}`,
      "SET client_encoding = 'UTF8';",
      "SET standard_conforming_strings = on;",
      "SET check_function_bodies = false;",
      "SET client_min_messages = warning;",
      "SET statement_timeout = 0;",
      "",
      `${MARK}schema _prisma_migrations`,
      `${CREATE_PRISMA_MIGRATIONS_TABLE.trim()};`,
      "",
    ].join("\n"));
    for (const migration of migrations) {
      await writeText(gzip, `${MARK}migration ${migration.name}\n${migration.sql}\n;\n\n`);
    }
    // The migrations create the functions as they were then; their current bodies (from
    // prisma/functions, lib/db/functions.ts) are the database's own, written as it has them.
    const functions = await client.query<{ signature: string; definition: string }>(`
      SELECT p.oid::regprocedure::text AS signature, pg_get_functiondef(p.oid) AS definition FROM pg_proc p
       WHERE p.pronamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
       ORDER BY p.proname, p.oid`);
    // …and the ones the migrations made that the database no longer has (old signatures) go.
    const kept = functions.rows.map((row) => `'${row.signature.replace(/'/g, "''")}'`).join(", ");
    const dropOthers = `DO $drop$ DECLARE r record; BEGIN
  FOR r IN SELECT p.oid::regprocedure AS signature FROM pg_proc p
            WHERE p.pronamespace = 'public'::regnamespace AND p.oid::regprocedure::text <> ALL (ARRAY[${kept}]::text[])
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP EXECUTE 'DROP FUNCTION ' || r.signature; END LOOP;
END $drop$;\n`;
    await writeText(gzip, `${MARK}functions\n${functions.rows.map((row) => `${row.definition.trim()};\n`).join("\n")}\n${dropOthers}\n`);
    // Triggers keep derived columns in step on live writes; the rows carry those values already.
    // Rows a replayed migration wrote (e.g. the platform's host, 20261214000000_hosts) are in the
    // backup as they were then: the tables start empty so each row comes back once, as backed up.
    await writeText(gzip, `${MARK}data\n${tables.length ? `TRUNCATE ${tables.map((table) => qualified(table.schema, table.name)).join(", ")};\n` : ""}${tables.map((table) => `ALTER TABLE ${qualified(table.schema, table.name)} DISABLE TRIGGER USER;`).join("\n")}\n\n`);
    for (const table of tables) {
      const columns = table.columns.map(ident).join(", ");
      const target = `${qualified(table.schema, table.name)} (${columns})`;
      await writeText(gzip, `${MARK}table ${table.name}\nCOPY ${target} FROM stdin;\n`);
      rows[table.name] = 0;
      for await (const chunk of client.query(copyTo(`COPY ${target} TO STDOUT`)) as AsyncIterable<Buffer>) {
        rows[table.name] += countLines(chunk);
        await writeText(gzip, chunk);
      }
      await writeText(gzip, "\\.\n\n");
    }
    await writeText(gzip, `${MARK}finish\n${tables.map((table) => `ALTER TABLE ${qualified(table.schema, table.name)} ENABLE TRIGGER USER;`).join("\n")}\n`);
    for (const sequence of sequences.rows) {
      if (sequence.last_value !== null) {
        await writeText(gzip, `SELECT pg_catalog.setval('${qualified("public", sequence.name).replace(/'/g, "''")}', ${sequence.last_value}, true);\n`);
      }
    }
    await writeText(gzip, `${MARK}end ${JSON.stringify({ rows })}\n`);
    gzip.end();
    await written;
    await client.query("COMMIT");
    renameSync(partial, file);
    partial = undefined;
    return { file, format: "sql", bytes: statSync(file).size, rows, ms: Date.now() - started };
  } finally {
    if (partial) rmSync(partial, { force: true });
    await client.end().catch(() => {});
  }
}

// ---- restore ------------------------------------------------------------------------

/** Relations or types of our own in the target database (an empty database has none). */
export async function describeContents(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`
    SELECT n.nspname || '.' || c.relname AS name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
    UNION ALL
    SELECT n.nspname || '.' || t.typname
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE t.typtype IN ('e', 'd', 'c') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
       AND NOT EXISTS (SELECT 1 FROM pg_class c WHERE c.reltype = t.oid)
     ORDER BY 1`);
  return rows.map((row) => row.name);
}

async function refuseNonEmpty(client: pg.Client): Promise<void> {
  const found = await describeContents(client);
  if (found.length > 0) {
    const { rows } = await client.query<{ database: string }>("SELECT current_database() AS database");
    throw new BackupError(
      `Refusing to restore: database "${rows[0].database}" is not empty (${found.length} objects, e.g. ${found.slice(0, 4).join(", ")}). ` +
        `Restore into a new, empty database (CREATE DATABASE …, or --database NAME with the embedded server) and point DATABASE_URL at it.`,
    );
  }
}

export type RestoreResult = { rows: Record<string, number>; meta: BackupMeta; ms: number };

/** Restores a SQL backup into an empty database, in one transaction: all of it or nothing. */
export async function restoreFromSql(options: { url: string; file: string }): Promise<RestoreResult> {
  const started = Date.now();
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  let meta: BackupMeta | undefined;
  let expected: Record<string, number> | undefined;
  try {
    await refuseNonEmpty(client);
    await client.query("BEGIN");
    let streamError: Error | undefined;
    const gunzip = createGunzip();
    const reading = pipeline(createReadStream(options.file), gunzip).catch((error: Error) => (streamError = error));
    const lines = createInterface({ input: gunzip, crlfDelay: Infinity });
    let sql: string[] = [];
    const flush = async () => {
      const text = sql.join("\n");
      sql = [];
      if (text.replace(/--[^\n]*/g, "").trim()) await client.query(text);
    };
    let copy: { stream: Writable; done: Promise<void> } | undefined;
    for await (const line of lines) {
      if (copy) {
        if (line === "\\.") {
          copy.stream.end();
          await copy.done;
          copy = undefined;
        } else if (!copy.stream.write(`${line}\n`)) {
          // A failed COPY never drains: its rejection ends the wait instead.
          await Promise.race([new Promise((resolve) => copy!.stream.once("drain", resolve)), copy.done]);
        }
        continue;
      }
      if (line.startsWith(MARK)) {
        await flush();
        if (line.startsWith(`${MARK}meta `)) meta = JSON.parse(line.slice(`${MARK}meta `.length)) as BackupMeta;
        if (line.startsWith(`${MARK}end `)) expected = (JSON.parse(line.slice(`${MARK}end `.length)) as { rows: Record<string, number> }).rows;
        continue;
      }
      const copyStatement = /^COPY (.+) FROM stdin;$/.exec(line);
      if (copyStatement) {
        await flush();
        const stream = client.query(copyFrom(`COPY ${copyStatement[1]} FROM STDIN`));
        const done = new Promise<void>((resolve, reject) => {
          stream.once("finish", resolve);
          stream.once("error", reject);
        });
        done.catch(() => {});
        copy = { stream, done };
        continue;
      }
      sql.push(line);
    }
    await flush();
    await reading;
    if (streamError) throw streamError;
    if (!meta || meta.format !== FORMAT_NAME) throw new BackupError(`${options.file} is not a Local Tickets SQL backup.`);
    if (meta.version > FORMAT_VERSION) throw new BackupError(`${options.file} has backup format ${meta.version}; this code reads up to ${FORMAT_VERSION}.`);
    if (!expected || copy) throw new BackupError(`${options.file} is incomplete (no end marker): the backup was cut short. Nothing was restored.`);
    const rows: Record<string, number> = {};
    for (const [table, count] of Object.entries(expected)) {
      const { rows: counted } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM ${qualified("public", table)}`);
      rows[table] = counted[0].count;
      if (counted[0].count !== count) throw new BackupError(`Table ${table}: restored ${counted[0].count} rows, the backup has ${count}. Nothing was restored.`);
    }
    await client.query("COMMIT");
    return { rows, meta, ms: Date.now() - started };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    if (error instanceof BackupError) throw error;
    const message = (error as Error).message;
    throw new BackupError(
      /unexpected end of file|incorrect header check/i.test(message)
        ? `${options.file} is damaged or cut short (${message}). Nothing was restored.`
        : `Restore failed, nothing was restored: ${message}`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

// ---- pg_dump / pg_restore, when a compatible one is installed -----------------------

export type PgTool = { path: string; major: number };

/** pg_dump or pg_restore binaries on PATH and in Debian's /usr/lib/postgresql/<major>/bin. */
export function findPgTools(name: "pg_dump" | "pg_restore"): PgTool[] {
  const candidates = new Set<string>();
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir && existsSync(path.join(dir, name))) candidates.add(path.join(dir, name));
  if (existsSync("/usr/lib/postgresql")) {
    for (const version of readdirSync("/usr/lib/postgresql")) {
      const candidate = path.join("/usr/lib/postgresql", version, "bin", name);
      if (existsSync(candidate)) candidates.add(candidate);
    }
  }
  const tools: PgTool[] = [];
  for (const candidate of candidates) {
    const result = spawnSync(candidate, ["--version"], { encoding: "utf8" });
    const major = /\(PostgreSQL\)\s+(\d+)/.exec(result.stdout ?? "")?.[1];
    if (result.status === 0 && major) tools.push({ path: candidate, major: Number(major) });
  }
  return tools;
}

/** A client refuses a server newer than itself: the newest tool whose major is at least the server's. */
export function chooseTool(tools: PgTool[], serverMajor: number): PgTool | undefined {
  return tools.filter((tool) => tool.major >= serverMajor).sort((a, b) => b.major - a.major)[0];
}

function connectionEnv(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  // The password goes in the environment, not on a command line that `ps` shows.
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { dbname: parsed.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(tool: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new BackupError(`${path.basename(tool)} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

export async function backupToCustom(options: { url: string; outDir: string; tool: PgTool; now?: Date }): Promise<BackupResult> {
  const started = Date.now();
  const info = await serverInfo(options.url);
  mkdirSync(options.outDir, { recursive: true });
  const file = path.join(options.outDir, `${info.database}-${timestamp(options.now ?? new Date())}.dump`);
  const { dbname, env } = connectionEnv(options.url);
  // pg_dump reads one snapshot on its own; custom format is compressed by default.
  await run(options.tool.path, ["--format=custom", "--compress=6", "--no-owner", "--no-privileges", `--file=${file}.partial`, `--dbname=${dbname}`], env);
  renameSync(`${file}.partial`, file);
  return { file, format: "custom", bytes: statSync(file).size, rows: {}, ms: Date.now() - started };
}

export async function restoreFromCustom(options: { url: string; file: string; tool: PgTool }): Promise<void> {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  try {
    await refuseNonEmpty(client);
  } finally {
    await client.end();
  }
  const { dbname, env } = connectionEnv(options.url);
  await run(options.tool.path, ["--exit-on-error", "--single-transaction", "--no-owner", "--no-privileges", `--dbname=${dbname}`, options.file], env);
}

/** `PGDMP` opens a pg_dump custom-format archive; 0x1f8b a gzip stream. */
export function detectFormat(file: string): "custom" | "sql" | "unknown" {
  const head = Buffer.alloc(5);
  const fd = openSync(file, "r");
  try {
    readSync(fd, head, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString("latin1") === "PGDMP") return "custom";
  if (head[0] === 0x1f && head[1] === 0x8b) return "sql";
  return "unknown";
}

// ---- which database ------------------------------------------------------------------

/** The embedded server's superuser (scripts/lib/embedded-postgres.ts). */
const EMBEDDED_CREDENTIALS = "postgres:postgres";

/** The port of an embedded server already running on `pgDir` (e.g. under `npm run dev`), if any. */
export function runningEmbeddedPort(pgDir: string): number | undefined {
  const pidFile = path.join(pgDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSyncText(pidFile).split("\n");
  try {
    process.kill(Number(pid), 0);
  } catch {
    return undefined; // a stale pid file from a server that died
  }
  return Number(port) || undefined;
}

function readFileSyncText(file: string): string {
  const fd = openSync(file, "r");
  try {
    const buffer = Buffer.alloc(4096);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    closeSync(fd);
  }
}

export async function ensureDatabaseExists(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${ident(name)}`);
  } finally {
    await client.end();
  }
}

export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/**
 * DATABASE_URL, or the embedded dev database: the running server when `npm run dev` has it
 * open, otherwise one started here and stopped by `close`.
 */
export async function openTarget(options: { externalUrl?: string; dataDir: string; database?: string }): Promise<{ url: string; close: () => Promise<void>; where: string }> {
  if (options.externalUrl) {
    const url = options.database ? withDatabaseName(options.externalUrl, options.database) : options.externalUrl;
    if (options.database) await ensureDatabaseExists(url);
    return { url, close: async () => {}, where: `DATABASE_URL${options.database ? ` (database ${options.database})` : ""}` };
  }
  const pgDir = path.join(options.dataDir, "pg");
  const database = options.database ?? "local_tickets";
  const port = runningEmbeddedPort(pgDir);
  if (port) {
    const url = `postgresql://${EMBEDDED_CREDENTIALS}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
    await ensureDatabaseExists(url);
    return { url, close: async () => {}, where: `the running embedded server (${pgDir}), database ${database}` };
  }
  const { startEmbeddedPostgres } = await import("./embedded-postgres");
  const embedded = await startEmbeddedPostgres({ dataDir: pgDir, database, quiet: true });
  return { url: embedded.url, close: () => embedded.stop(), where: `the embedded server (${pgDir}), database ${database}` };
}
