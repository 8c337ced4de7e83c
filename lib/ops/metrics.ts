import "server-only";
// Prometheus metrics (prom-client). Two kinds:
//  - per-process counters and histograms, incremented by the code that does the work
//    (requests, order outcomes, email and PDF durations): sum them over instances;
//  - database-wide gauges read by SQL at scrape time (queue depth and age, dead jobs,
//    hold-to-order ratio, connections): every instance reports the same value, so
//    aggregate them with max(), never sum().
// The registry lives on globalThis: Next may evaluate this module in more than one bundle.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { prisma } from "@/lib/db";
import { registeredDbPool } from "./db-pool";

export { registerDbPool } from "./db-pool";

export type OrderOutcome = "sold" | "sold_out" | "expired" | "refund_required" | "refunded" | "cancelled" | "cancelled_by_buyer";

type Metrics = {
  registry: Registry;
  httpRequests: Counter<"route" | "method" | "status">;
  httpSeconds: Histogram<"route" | "method" | "status">;
  orders: Counter<"outcome">;
  holds: Counter;
  emailSeconds: Histogram<"outcome">;
  pdfSeconds: Histogram;
};

const globalMetrics = globalThis as unknown as { __metrics?: Metrics };

function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics: Metrics = {
    registry,
    httpRequests: new Counter({
      name: "http_requests_total",
      help: "HTTP requests handled, by route name, method and status code.",
      labelNames: ["route", "method", "status"],
      registers: [registry],
    }),
    httpSeconds: new Histogram({
      name: "http_request_duration_seconds",
      help: "Time to produce a response, by route name, method and status code.",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    orders: new Counter({
      name: "orders_total",
      help: "Order outcomes: sold (paid, tickets issued), sold_out (asked for more than was left), expired (hold ended unpaid), refund_required (paid too late), refunded.",
      labelNames: ["outcome"],
      registers: [registry],
    }),
    holds: new Counter({
      name: "order_holds_total",
      help: "Orders created with places held for payment (the denominator of the hold-to-order rate).",
      registers: [registry],
    }),
    emailSeconds: new Histogram({
      name: "email_send_duration_seconds",
      help: "Time to send one email, by outcome (sent or failed).",
      labelNames: ["outcome"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
    pdfSeconds: new Histogram({
      name: "pdf_render_duration_seconds",
      help: "Time to render the ticket PDF of one order.",
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: [registry],
    }),
  };
  registerDatabaseGauges(registry);
  return metrics;
}

function metrics(): Metrics {
  return (globalMetrics.__metrics ??= createMetrics());
}

// ---- called by the code that does the work -------------------------------------------

export function countOrderOutcome(outcome: OrderOutcome, count = 1): void {
  if (count > 0) metrics().orders.inc({ outcome }, count);
}

export function countOrderHold(): void {
  metrics().holds.inc();
}

/** The delivery code calls this after each email attempt. */
export function observeEmailSeconds(seconds: number, outcome: "sent" | "failed" = "sent"): void {
  metrics().emailSeconds.observe({ outcome }, seconds);
}

/** The delivery code calls this after rendering an order's ticket PDF. */
export function observePdfSeconds(seconds: number): void {
  metrics().pdfSeconds.observe(seconds);
}

export function observeHttpRequest(labels: { route: string; method: string; status: number }, seconds: number): void {
  const values = { route: labels.route, method: labels.method, status: String(labels.status) };
  metrics().httpRequests.inc(values);
  metrics().httpSeconds.observe(values, seconds);
}

/** The text a Prometheus scrape receives. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const registry = metrics().registry;
  return { body: await registry.metrics(), contentType: registry.contentType };
}

// ---- gauges read from the database at scrape time ------------------------------------

type QueueRow = {
  queued: number;
  due: number;
  running: number;
  dead: number;
  oldest_due_seconds: number;
  holds_ended: number;
  holds_converted: number;
};

/** One round trip for every database gauge; errors mark the database as down instead of failing the scrape. */
export async function readDatabaseGauges(): Promise<QueueRow> {
  const [row] = await prisma.$queryRaw<QueueRow[]>`
    SELECT
      (SELECT count(*) FROM jobs WHERE status = 'queued')::int AS queued,
      (SELECT count(*) FROM jobs WHERE status = 'queued' AND run_at <= now())::int AS due,
      (SELECT count(*) FROM jobs WHERE status = 'running')::int AS running,
      (SELECT count(*) FROM jobs WHERE status = 'dead')::int AS dead,
      (SELECT coalesce(extract(epoch FROM now() - min(run_at)), 0) FROM jobs WHERE status = 'queued' AND run_at <= now())::float8 AS oldest_due_seconds,
      -- Holds that ended in the last hour (paid or not), and those of them that became orders.
      (SELECT count(*) FROM orders WHERE hold_expires_at > now() - interval '1 hour' AND hold_expires_at <= now())::int AS holds_ended,
      (SELECT count(*) FROM orders WHERE hold_expires_at > now() - interval '1 hour' AND hold_expires_at <= now()
                                     AND status IN ('paid', 'refund_required', 'refunded'))::int AS holds_converted`;
  return row;
}

type ConnectionRow = { state: string; count: number };

async function readConnections(): Promise<{ source: "pool" | "server"; counts: Record<string, number> }> {
  const pool = registeredDbPool();
  if (pool) {
    return {
      source: "pool",
      counts: { total: pool.totalCount, idle: pool.idleCount, active: pool.totalCount - pool.idleCount, waiting: pool.waitingCount },
    };
  }
  // Without the pool object: the server's view of connections to this database (all instances).
  const rows = await prisma.$queryRaw<ConnectionRow[]>`
    SELECT coalesce(state, 'unknown') AS state, count(*)::int AS count
      FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'
     GROUP BY 1
    UNION ALL
    SELECT 'max', setting::int FROM pg_settings WHERE name = 'max_connections'`;
  return { source: "server", counts: Object.fromEntries(rows.map((row) => [row.state, row.count])) };
}

function registerDatabaseGauges(registry: Registry): void {
  let pending: Promise<QueueRow | null> | null = null;
  // All queue gauges share one query per scrape.
  const queue = () => {
    pending ??= readDatabaseGauges()
      .catch(() => null)
      .finally(() => setTimeout(() => (pending = null), 0));
    return pending;
  };
  new Gauge({
    name: "database_up",
    help: "1 when the scrape could read the database.",
    registers: [registry],
    async collect() {
      this.set((await queue()) ? 1 : 0);
    },
  });
  new Gauge({
    name: "jobs_queued",
    help: "Jobs waiting to run (all), by whether they are due now.",
    labelNames: ["due"],
    registers: [registry],
    async collect() {
      const row = await queue();
      if (!row) return;
      this.set({ due: "true" }, row.due);
      this.set({ due: "false" }, row.queued - row.due);
    },
  });
  new Gauge({
    name: "jobs_running",
    help: "Jobs claimed by a worker and not finished.",
    registers: [registry],
    async collect() {
      const row = await queue();
      if (row) this.set(row.running);
    },
  });
  new Gauge({
    name: "jobs_dead",
    help: "Jobs that failed every attempt and wait for an admin.",
    registers: [registry],
    async collect() {
      const row = await queue();
      if (row) this.set(row.dead);
    },
  });
  new Gauge({
    name: "jobs_oldest_due_age_seconds",
    help: "How long the oldest due job has waited (0 when none is due).",
    registers: [registry],
    async collect() {
      const row = await queue();
      if (row) this.set(row.oldest_due_seconds);
    },
  });
  new Gauge({
    name: "hold_to_order_ratio",
    help: "Of the holds that ended in the last hour, the share that were paid (NaN when none ended).",
    registers: [registry],
    async collect() {
      const row = await queue();
      if (row) this.set(row.holds_ended ? row.holds_converted / row.holds_ended : Number.NaN);
    },
  });
  new Gauge({
    name: "db_connections",
    help: "Database connections. source=pool: this process's pool (total, active, idle, waiting); source=server: pg_stat_activity of this database by state, and max_connections.",
    labelNames: ["source", "state"],
    registers: [registry],
    async collect() {
      this.reset();
      const connections = await readConnections().catch(() => null);
      if (!connections) return;
      for (const [state, count] of Object.entries(connections.counts)) this.set({ source: connections.source, state }, count);
    },
  });
}
