// `npm run bench`: every benchmark of issue 9, in sequence, then one summary table.
//   1. flash sale   (scripts/bench-flash-sale.ts)    5,000 buyers, 1,000 places, ceilings, delivery
//   2. availability (scripts/bench-availability.ts)  the reference's three strategies and the product
//   3. pages        (scripts/bench-pages.ts)         server time under load, Lighthouse mobile
// Builds the app once first if there is no production build. Each part runs in its own
// process and writes its own JSON; this writes bench/results/bench-<timestamp>.json with the summary.
// A part that fails (an assertion, a crash) fails the whole run, after the others ran.
// Options: --only flash-sale,availability,pages   --keep (passed on: keep the data folders).
// For a part's own options (sizes, pool sizes…), run that part's script directly.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ensureProductionBuild, ms, printTable, round, stamp, writeResults } from "./lib/bench-common";

// serverOnly: the part imports lib/ code that starts with `import "server-only"`, which
// resolves to an empty module under the react-server export condition.
const PARTS = {
  "flash-sale": { script: "scripts/bench-flash-sale.ts", serverOnly: true },
  availability: { script: "scripts/bench-availability.ts", serverOnly: true },
  pages: { script: "scripts/bench-pages.ts", serverOnly: false },
} as const;
type Part = keyof typeof PARTS;

function parseOnly(argv: string[]): { only: Part[]; rest: string[] } {
  const index = argv.findIndex((arg) => arg === "--only" || arg.startsWith("--only="));
  if (index < 0) return { only: Object.keys(PARTS) as Part[], rest: argv };
  const value = argv[index].includes("=") ? argv[index].split("=")[1] : argv[index + 1];
  const rest = argv.filter((_, i) => i !== index && (argv[index].includes("=") || i !== index + 1));
  const only = value.split(",").map((name) => name.trim()) as Part[];
  for (const name of only) if (!(name in PARTS)) throw new Error(`unknown part ${name}: use ${Object.keys(PARTS).join(", ")}`);
  return { only, rest };
}

// The parts' JSON results, read back for the summary table (their shapes live in each part).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type PartResult = any;
type PartRun = { part: Part; ok: boolean; seconds: number; file: string; result?: PartResult };

function runPart(part: Part, startedAt: Date, passOn: string[]): PartRun {
  const file = path.resolve("bench/results", `${part}-${stamp(startedAt)}.json`);
  console.log(`\n━━━ ${part} ━━━`);
  const started = Date.now();
  const { script, serverOnly } = PARTS[part];
  const args = [...(serverOnly ? ["--conditions=react-server"] : []), "--import", "tsx", script, "--out", file, ...passOn];
  const run = spawnSync(process.execPath, args, { stdio: "inherit" });
  const seconds = round((Date.now() - started) / 1000, 1);
  if (run.status !== 0) return { part, ok: false, seconds, file };
  return { part, ok: true, seconds, file, result: JSON.parse(readFileSync(file, "utf8")) };
}

function summaryRows(runs: PartRun[]): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const run of runs) {
    if (!run.ok) {
      rows.push([run.part, "FAILED", "see the output above", null]);
      continue;
    }
    const result = run.result;
    if (run.part === "flash-sale") {
      for (const sale of result.runs) {
        rows.push([`flash sale, ${sale.label}`, `${sale.sale.requestsPerSecond} req/s (health ${sale.health.requestsPerSecond}; ratio ${sale.ratios.buyingVsHealth})`,
          `p50 ${ms(sale.sale.latency.p50)} · p95 ${ms(sale.sale.latency.p95)} · p99 ${ms(sale.sale.latency.p99)} ms`,
          `${Object.entries(sale.sale.breakdown).map(([key, count]) => `${key} ${count}`).join(", ")}; PG/place vs SQL hold ${sale.ratios.postgresCpuPerPlaceVsSqlHold}` +
            (sale.delivery ? `; delivery ${sale.delivery.ordersPerSecondEndToEnd} orders/s` : "")]);
      }
    } else if (run.part === "availability") {
      for (const [name, figures] of Object.entries<PartResult>(result.operations)) {
        const concurrent = result.concurrent[name];
        rows.push([`availability: ${name}`, `book ${ms(figures.book.mean)} · refuse ${ms(figures.conflict.mean)} · cancel ${ms(figures.cancel.mean)} · again ${ms(figures.bookAgain.mean)} ms`,
          `${result.setup.concurrent} concurrent: ${concurrent.seconds} s (${concurrent.attemptsPerSecond}/s), p95 ${ms(concurrent.latency.p95)} ms`,
          `×${result.ratiosToProduct[name].book} book vs product; overlaps ${result.overlaps[name]}`]);
      }
    } else if (run.part === "pages") {
      for (const [name, figures] of Object.entries<PartResult>(result.load)) {
        const score = result.lighthouse?.pages?.[name]?.median?.score;
        rows.push([`page: ${name} ${figures.url}`, `${figures.requestsPerSecond} req/s`, `p50 ${ms(figures.latency.p50)} · p95 ${ms(figures.latency.p95)} ms`,
          score === undefined ? "" : `Lighthouse mobile ${score}`]);
      }
    }
  }
  return rows;
}

function main() {
  const startedAt = new Date();
  const { only, rest } = parseOnly(process.argv.slice(2));
  const unknown = rest.filter((arg) => arg !== "--keep");
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(" ")}: bench.ts takes --only and --keep; run a part's script for its own options`);
  const build = ensureProductionBuild();
  const runs = only.map((part) => runPart(part, startedAt, rest));
  const seconds = round((Date.now() - startedAt.getTime()) / 1000, 1);

  console.log("\n━━━ summary ━━━");
  printTable(`npm run bench: ${seconds} s${build.built ? ` (of which next build ${build.seconds} s)` : ""}`, ["benchmark", "throughput / times", "latency", "notes"], summaryRows(runs));
  const file = writeResults("bench", startedAt, {
    startedAt: startedAt.toISOString(),
    durationSeconds: seconds,
    build,
    parts: runs.map(({ part, ok, seconds: partSeconds, file: partFile }) => ({ part, ok, seconds: partSeconds, file: path.relative(process.cwd(), partFile) })),
  });
  console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
  const failed = runs.filter((run) => !run.ok);
  if (failed.length > 0) {
    console.error(`\nFailed: ${failed.map((run) => run.part).join(", ")}`);
    process.exit(1);
  }
}

main();
