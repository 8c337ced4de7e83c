// Shared by the benchmarks (scripts/bench-*.ts): percentiles, timing, the results file, and
// starting the production app the way a person does (`scripts/run.ts start`) with a data
// folder of its own, then finding the embedded PostgreSQL that run.ts started for it.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type Stats = { count: number; mean: number; p50: number; p95: number; p99: number; max: number };

/** Nearest-rank percentiles over milliseconds, rounded to 0.01 ms. */
export function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] ?? 0;
  return {
    count: sorted.length,
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / (sorted.length || 1)),
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? 0),
  };
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? round(numerator / denominator, 3) : null;
}

export async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await work();
  return [performance.now() - started, result];
}

export class BenchAssertionError extends Error {}

/** Correctness is asserted (the run fails); timings never are. */
export function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new BenchAssertionError(`ASSERTION FAILED: ${message}`);
}

export function environment() {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memoryGiB: round(os.totalmem() / 2 ** 30, 1),
  };
}

/** ISO 8601 basic format (no colons, fine in file names): 20261123T112405Z. */
export function stamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

/** Writes bench/results/<name>-<stamp>.json, or `out` when given; returns the path. */
export function writeResults(name: string, startedAt: Date, result: unknown, out?: string): string {
  const file = out ? path.resolve(out) : path.resolve("bench/results", `${name}-${stamp(startedAt)}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** A fixed-width text table. */
export function printTable(title: string, header: string[], rows: (string | number | null)[][]): void {
  const cells = [header, ...rows.map((row) => row.map((cell) => (cell === null ? "–" : String(cell))))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? "").length)));
  console.log(`\n${title}`);
  cells.forEach((row, index) => {
    console.log(`  ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ")}`);
    if (index === 0) console.log(`  ${widths.map((width) => "-".repeat(width)).join("  ")}`);
  });
}

export function ms(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : value >= 100 ? value.toFixed(0) : value.toFixed(1);
}

/** Builds the production app when there is no build yet (what `npm start` would do first). */
export function ensureProductionBuild(): { built: boolean; seconds: number } {
  if (existsSync(path.resolve(".next/BUILD_ID"))) return { built: false, seconds: 0 };
  console.log("No production build (.next/BUILD_ID): running `next build` first…");
  const started = Date.now();
  const result = spawnSync(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error(`next build failed with code ${result.status}`);
  return { built: true, seconds: round((Date.now() - started) / 1000, 1) };
}

export type RunningApp = {
  /** scripts/run.ts, the parent of Next and of the embedded PostgreSQL. */
  pid: number;
  baseUrl: string;
  databaseUrl: string;
  logFile: string;
  stop: () => Promise<void>;
};

/**
 * `tsx scripts/run.ts start --data-dir <dir> --port <port>`: embedded PostgreSQL in <dir>/pg,
 * migrations, demo data, `next start`, the job worker loop. Waits until the app answers
 * /api/ready, then reads the PostgreSQL port from <dir>/pg/postmaster.pid (line 4).
 * Output goes to <dir>/app.log. `fresh` starts from an empty folder.
 */
export async function startApp(options: { dataDir: string; port: number; fresh: boolean; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunningApp> {
  const dataDir = path.resolve(options.dataDir);
  // Wiped here rather than with run.ts --fresh, which would also delete the log opened below.
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, "app.log");
  const log = createWriteStream(logFile, { flags: "a" });
  const args = ["--import", "tsx", path.resolve("scripts/run.ts"), "start", "--data-dir", dataDir, "--port", String(options.port), "--quiet"];
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  // A DATABASE_URL of the caller's shell must not send the benchmark to another database.
  delete env.DATABASE_URL;
  delete env.APP_URL;
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const baseUrl = `http://localhost:${options.port}`;
  try {
    await waitForReady(`${baseUrl}/api/ready?skip=queue`, child, options.timeoutMs ?? 300_000);
  } catch (error) {
    await stopChild(child);
    throw new Error(`${(error as Error).message} (see ${path.relative(process.cwd(), logFile)})\n${tail(logFile)}`);
  }
  const pid = readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n");
  const databaseUrl = `postgresql://postgres:postgres@127.0.0.1:${pid[3].trim()}/local_tickets`;
  return {
    pid: child.pid!,
    baseUrl,
    databaseUrl,
    logFile,
    stop: async () => {
      await stopChild(child);
      log.end();
    },
  };
}

function tail(file: string): string {
  try {
    return readFileSync(file, "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "";
  }
}

async function waitForReady(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`scripts/run.ts exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs / 1000}s`);
}

/** SIGTERM (run.ts then stops Next and PostgreSQL), SIGKILL after 20 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  await exited;
  clearTimeout(timer);
}

/**
 * CPU seconds used so far by a process and its descendants (Linux /proc), split into
 * PostgreSQL processes and the rest (Next's server, run.ts).
 */
export function processTreeCpu(rootPid: number): { postgres: number; app: number } {
  const ticksPerSecond = 100;
  const parent = new Map<number, number>();
  const info = new Map<number, { name: string; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const name = stat.slice(stat.indexOf("(") + 1, close);
      const fields = stat.slice(close + 2).split(" ");
      parent.set(Number(entry), Number(fields[1]));
      // utime + stime, plus cutime + cstime: the CPU of children that exited and were reaped
      // (a PostgreSQL backend whose connection closed counts on the postmaster).
      info.set(Number(entry), { name, ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) });
    } catch {
      // exited while we looked
    }
  }
  const inTree = (pid: number): boolean => {
    for (let current = pid, hops = 0; current > 1 && hops < 50; current = parent.get(current) ?? 0, hops++) {
      if (current === rootPid) return true;
    }
    return false;
  };
  const totals = { postgres: 0, app: 0 };
  for (const [pid, { name, ticks }] of info) {
    if (!inTree(pid)) continue;
    if (name.startsWith("postgres")) totals.postgres += ticks / ticksPerSecond;
    else totals.app += ticks / ticksPerSecond;
  }
  return totals;
}

/** CPU seconds used by the whole machine so far (/proc/stat): to see what else ran during a phase. */
export function machineCpuSeconds(): number {
  const fields = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal: everything but idle and iowait.
  const [user, nice, system, , , irq, softirq, steal] = fields;
  return (user + nice + system + irq + softirq + (steal ?? 0)) / 100;
}

/** CPU seconds of this process (the load generator). */
export function ownCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function postgresVersion(url: string): Promise<string> {
  return withClient(url, async (client) => (await client.query<{ server_version: string }>("SHOW server_version")).rows[0].server_version);
}

/** Spreads CPU-heavy loops so timers and sockets get a turn. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
