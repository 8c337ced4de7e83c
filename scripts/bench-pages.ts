// `npm run bench:pages`: how fast the pages a buyer sees are served, and how they score.
//
//   1. the production app as `npm start` runs it (scripts/run.ts start, embedded PostgreSQL
//      in a fresh .data/bench-pages, demo data), built first if there is no .next/BUILD_ID;
//   2. server time under load, with autocannon: the home page, a search and an event page,
//      10 connections for 10 s each after a warm-up: requests per second and p50/p95/p99
//      (every response's time, from autocannon's `response` events); asserted: every
//      answer is a 200;
//   3. Lighthouse (npm) in Debian's Chromium, mobile (Lighthouse's default: a mid-range phone
//      on a throttled 4G connection, simulated), performance category, of the home page and
//      an event page: the median score of --lighthouse-runs runs, with FCP, LCP, TBT, CLS.
//      Needs Chromium (`apt-get install chromium`, or CHROME_PATH); skipped without it.
//
// Prints tables and writes bench/results/pages-<timestamp>.json.
// Options: --connections 10 --duration 10 --lighthouse-runs 3 --port 3320 --out <file> --keep
import { existsSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { DEMO_SLUGS } from "../lib/db/seed-demo";
import { check, ensureProductionBuild, environment, ms, postgresVersion, printTable, round, startApp, stats, writeResults, type RunningApp } from "./lib/bench-common";
import { findFreePort } from "./lib/embedded-postgres";

const { values } = parseArgs({
  options: {
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "10" },
    "lighthouse-runs": { type: "string", default: "3" },
    port: { type: "string" },
    out: { type: "string" },
    keep: { type: "boolean", default: false },
  },
});
const CONNECTIONS = Number(values.connections);
const DURATION = Number(values.duration);
const LIGHTHOUSE_RUNS = Number(values["lighthouse-runs"]);
const DATA_DIR = path.resolve(".data/bench-pages");
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const PAGES = {
  home: "/",
  search: "/search?q=jazz",
  // Search without a query (filters only): the listing, from the public pages' cache (issue 32).
  "search (no query)": "/search?where=Lisbon",
  event: `/events/${DEMO_SLUGS.ticketed}`,
  // Translated pages (issue 20): the same pages in Portuguese.
  "home (pt)": "/pt",
  "event (pt)": `/pt/events/${DEMO_SLUGS.ticketed}`,
  // Pages worth landing on (issue 31).
  city: "/cities/lisbon",
} as const;

async function loadTest(app: RunningApp, name: string, pathname: string) {
  const url = `${app.baseUrl}${pathname}`;
  for (let i = 0; i < 20; i++) {
    const response = await fetch(url);
    await response.arrayBuffer();
    check(response.status === 200, `${name}: warm-up answered ${response.status}`);
  }
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: CONNECTIONS, duration: DURATION, headers: { accept: "text/html" } }, (error, finished) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  check(result.errors === 0 && result.timeouts === 0, `${name}: ${result.errors} errors, ${result.timeouts} timeouts under load`);
  check(result.non2xx === 0, `${name}: ${result.non2xx} answers other than 2xx under load (${JSON.stringify(statuses)})`);
  return {
    url: pathname,
    connections: CONNECTIONS,
    seconds: DURATION,
    requests: result.requests.total,
    requestsPerSecond: round(result.requests.total / DURATION, 1),
    bytesPerRequest: Math.round(result.throughput.total / Math.max(1, result.requests.total)),
    latency: stats(latencies),
    statuses,
  };
}

type LighthouseRun = { score: number; fcp: number; lcp: number; tbt: number; cls: number; speedIndex: number };

async function lighthouseOf(app: RunningApp, pathname: string, port: number): Promise<LighthouseRun> {
  const runner = await lighthouse(`${app.baseUrl}${pathname}`, { port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
  const lhr = runner?.lhr;
  if (!lhr) throw new Error(`Lighthouse gave no result for ${pathname}`);
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    fcp: Math.round(audit("first-contentful-paint")),
    lcp: Math.round(audit("largest-contentful-paint")),
    tbt: Math.round(audit("total-blocking-time")),
    cls: round(audit("cumulative-layout-shift"), 3),
    speedIndex: Math.round(audit("speed-index")),
  };
}

async function lighthouseScores(app: RunningApp) {
  if (!existsSync(CHROME_PATH)) return { skipped: `no Chromium at ${CHROME_PATH} (apt-get install chromium, or set CHROME_PATH)` };
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: "silent" });
  try {
    const pages: Record<string, { runs: LighthouseRun[]; median: LighthouseRun }> = {};
    for (const [name, pathname] of [["home", PAGES.home], ["event", PAGES.event], ["home (pt)", PAGES["home (pt)"]], ["event (pt)", PAGES["event (pt)"]], ["city", PAGES.city]] as const) {
      const runs: LighthouseRun[] = [];
      for (let run = 0; run < LIGHTHOUSE_RUNS; run++) runs.push(await lighthouseOf(app, pathname, chrome.port));
      // The run with the median score stands for the page (Lighthouse's own advice for variance).
      const median = [...runs].sort((a, b) => a.score - b.score)[Math.floor(runs.length / 2)];
      pages[name] = { runs, median };
    }
    return { formFactor: "mobile (Lighthouse default: simulated Moto G Power, slow 4G)", chromium: CHROME_PATH, pages };
  } finally {
    await chrome.kill();
  }
}

async function main() {
  const startedAt = new Date();
  const build = ensureProductionBuild();
  const port = values.port ? Number(values.port) : await findFreePort(3320);
  console.log("Starting the production app (scripts/run.ts start, demo data)…");
  // A demo deployment: no Stripe, the local test provider opted into (as the e2e app runs).
  const app = await startApp({ dataDir: DATA_DIR, port, fresh: true, env: { ...process.env, UNSAFE_TEST_PAYMENTS: "true" } });
  let load: Record<string, Awaited<ReturnType<typeof loadTest>>> = {};
  let scores: Awaited<ReturnType<typeof lighthouseScores>>;
  let postgres = "";
  try {
    postgres = await postgresVersion(app.databaseUrl);
    for (const [name, pathname] of Object.entries(PAGES)) {
      console.log(`Load: ${pathname} (${CONNECTIONS} connections, ${DURATION} s)…`);
      load = { ...load, [name]: await loadTest(app, name, pathname) };
    }
    console.log(`Lighthouse, mobile: home and event page, ${LIGHTHOUSE_RUNS} run(s) each…`);
    scores = await lighthouseScores(app);
  } finally {
    await app.stop();
    if (!values.keep) rmSync(DATA_DIR, { recursive: true, force: true });
  }

  printTable(
    `Server time under load (autocannon, ${CONNECTIONS} connections, ${DURATION} s per page; ms)`,
    ["page", "url", "req/s", "p50", "p95", "p99", "KiB/page"],
    Object.entries(load).map(([name, figures]) => [name, figures.url, figures.requestsPerSecond, ms(figures.latency.p50), ms(figures.latency.p95), ms(figures.latency.p99), (figures.bytesPerRequest / 1024).toFixed(1)]),
  );
  if ("pages" in scores && scores.pages) {
    printTable(
      `Lighthouse mobile performance (median of ${LIGHTHOUSE_RUNS}; ms except CLS)`,
      ["page", "score", "runs", "FCP", "LCP", "TBT", "CLS", "Speed Index"],
      Object.entries(scores.pages).map(([name, page]) => [name, page.median.score, page.runs.map((run) => run.score).join(" "), page.median.fcp, page.median.lcp, page.median.tbt, page.median.cls, page.median.speedIndex]),
    );
  } else {
    console.log(`\nLighthouse: ${scores.skipped}`);
  }

  const result = {
    part: "pages",
    startedAt: startedAt.toISOString(),
    durationSeconds: round((Date.now() - startedAt.getTime()) / 1000, 1),
    environment: { ...environment(), postgres },
    build,
    data: "demo seed (lib/db/seed-demo.ts)",
    load,
    lighthouse: scores,
  };
  const file = writeResults("pages", startedAt, result, values.out);
  console.log(`\nWrote ${path.relative(process.cwd(), file)}`);
}

main().catch((error) => {
  console.error(`Pages benchmark failed: ${(error as Error).stack ?? error}`);
  process.exit(1);
});
