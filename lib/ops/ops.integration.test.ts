// Readiness, metrics and the request id, against the real test database.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrations";
import { setLogSink } from "@/lib/log";
import { confirmOrderPayment } from "@/lib/orders/transitions";
import { reserveTickets } from "@/lib/orders/reserve-tickets";
import { createTestUser, createTicketedEvent } from "@/tests/fixtures";
import { checkMigrations, checkQueue, checkReadiness } from "./readiness";
import { currentRequestId } from "./request-context";
import { withMetrics } from "./with-metrics";
import { accountBuyer } from "@/lib/orders/buyer";

const TOKEN = "metrics-token-for-tests-0123456789";
let scratch: string;

beforeAll(() => {
  process.env.METRICS_TOKEN = TOKEN;
  scratch = mkdtempSync(path.join(tmpdir(), "migrations-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function metricsText(): Promise<string> {
  const { GET } = await import("@/app/api/metrics/route");
  const response = await GET(new Request("http://test/api/metrics", { headers: { authorization: `Bearer ${TOKEN}` } }), undefined);
  expect(response.status).toBe(200);
  return response.text();
}

function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("readiness", () => {
  it("is ready on a migrated database, and the route answers 200 with the checks", async () => {
    const readiness = await checkReadiness();
    expect(readiness.checks.database).toMatchObject({ ok: true });
    expect(readiness.checks.migrations).toMatchObject({ ok: true, applied: readMigrations().length });
    const { GET } = await import("@/app/api/ready/route");
    const response = await GET(new Request("http://test/api/ready?skip=queue"), undefined);
    const body = await response.json();
    expect(response.status).toBe(200);
    expect(Object.keys(body.checks)).toEqual(["shutdown", "database", "migrations"]);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(body)).not.toMatch(/postgres(ql)?:\/\//);
  });

  it("names a pending migration, and says so when the folder is missing", async () => {
    for (const migration of readMigrations(MIGRATIONS_DIR)) {
      mkdirSync(path.join(scratch, migration.name));
      writeFileSync(path.join(scratch, migration.name, "migration.sql"), migration.sql);
    }
    mkdirSync(path.join(scratch, "29990101000000_future"));
    writeFileSync(path.join(scratch, "29990101000000_future", "migration.sql"), "SELECT 1;");
    expect(await checkMigrations(scratch)).toMatchObject({ ok: false, pending: ["29990101000000_future"] });
    expect(await checkMigrations(path.join(scratch, "nowhere"))).toMatchObject({ ok: false, detail: expect.stringMatching(/missing/) });
  });

  it("fails the queue check when a due job has waited too long", async () => {
    const job = await prisma.job.create({ data: { kind: "test_stuck", runAt: new Date(Date.now() - 20 * 60_000) } });
    try {
      const stuck = await checkQueue(15 * 60);
      expect(stuck).toMatchObject({ ok: false });
      expect(stuck.oldestDueSeconds).toBeGreaterThanOrEqual(20 * 60 - 5);
      const { GET } = await import("@/app/api/ready/route");
      expect((await GET(new Request("http://test/api/ready"), undefined)).status).toBe(503);
    } finally {
      await prisma.job.delete({ where: { id: job.id } });
    }
  });
});

describe("stopping", () => {
  it("answers 503 once the process is asked to stop, whatever is skipped", async () => {
    const { markShuttingDown } = await import("./shutdown");
    markShuttingDown("SIGTERM");
    try {
      const { GET } = await import("@/app/api/ready/route");
      const response = await GET(new Request("http://test/api/ready?skip=queue,shutdown"), undefined);
      expect(response.status).toBe(503);
      expect((await response.json()).checks.shutdown).toMatchObject({ ok: false, detail: "stopping" });
    } finally {
      delete (globalThis as { __shuttingDown?: unknown }).__shuttingDown;
    }
  });
});

describe("metrics", () => {
  it("refuses a scrape without the token", async () => {
    const { GET } = await import("@/app/api/metrics/route");
    expect((await GET(new Request("http://test/api/metrics"), undefined)).status).toBe(401);
    expect((await GET(new Request("http://test/api/metrics", { headers: { authorization: "Bearer nope" } }), undefined)).status).toBe(401);
  });

  it("counts order outcomes and reads queue gauges from the database", async () => {
    const before = await metricsText();
    const user = await createTestUser();
    const { ticketTypes } = await createTicketedEvent({ ticketTypes: [{ capacity: 2 }] });
    const order = await reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 2 }] } });
    await confirmOrderPayment({ orderId: order.id, provider: "local", paymentRef: null });
    await expect(reserveTickets({ buyer: accountBuyer(user.id), input: { items: [{ ticketTypeId: ticketTypes[0].id, quantity: 1 }] } })).rejects.toMatchObject({ code: "sold_out" });
    const dead = await prisma.job.create({ data: { kind: "test_dead", status: "dead" } });
    try {
      const after = await metricsText();
      const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
      expect(delta('orders_total{outcome="sold"}')).toBe(1);
      expect(delta('orders_total{outcome="sold_out"}')).toBe(1);
      expect(delta("order_holds_total")).toBe(1);
      expect(sample(after, "database_up")).toBe(1);
      const deadJobs = await prisma.job.count({ where: { status: "dead" } });
      expect(sample(after, "jobs_dead")).toBe(deadJobs);
      expect(sample(after, 'jobs_queued{due="true"}')).toBe(await prisma.job.count({ where: { status: "queued", runAt: { lte: new Date() } } }));
      expect(sample(after, "jobs_oldest_due_age_seconds")).toBeGreaterThanOrEqual(0);
      // The pool's own figures once lib/db.ts registers its pool, else the server's view.
      expect(after).toMatch(/^db_connections\{source="(pool",state="total|server",state="max)"\} \d+/m);
      expect(after).toMatch(/^http_requests_total\{route="metrics",method="GET",status="200"\} \d+/m);
      expect(after).toContain("process_resident_memory_bytes");
    } finally {
      await prisma.job.delete({ where: { id: dead.id } });
    }
  });

  it("withMetrics runs the handler under the caller's request id and counts failures as 500", async () => {
    let seen: string | undefined;
    const ok = withMetrics("test_ok", async () => {
      seen = currentRequestId();
      return new Response("ok");
    });
    const response = await ok(new Request("http://test/x", { headers: { "x-request-id": "caller-id-123" } }), undefined);
    expect(seen).toBe("caller-id-123");
    expect(response.headers.get("x-request-id")).toBe("caller-id-123");
    // An unsafe id is replaced, not echoed.
    const replaced = await ok(new Request("http://test/x", { headers: { "x-request-id": "bad id\n" } }), undefined);
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);

    const failing = withMetrics("test_fail", async () => {
      throw new Error("boom");
    });
    const lines: string[] = [];
    setLogSink({ write: (line: string) => lines.push(line) });
    try {
      await expect(failing(new Request("http://test/y", { headers: { "x-request-id": "failing-request" } }), undefined)).rejects.toThrow("boom");
    } finally {
      setLogSink(null);
    }
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toContainEqual(expect.objectContaining({ level: "error", msg: "route handler failed", requestId: "failing-request", route: "test_fail" }));
    expect(await metricsText()).toMatch(/^http_requests_total\{route="test_fail",method="GET",status="500"\} 1$/m);
  });
});
