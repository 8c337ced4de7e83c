import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { registeredDbPool } from "@/lib/ops/db-pool";
import { startFaultProxy, type FaultProxy } from "@/tests/fault-proxy";
import { createPool } from "./pool";

const proxies: FaultProxy[] = [];
const clients: PrismaClient[] = [];
afterAll(async () => {
  await Promise.all(clients.map((client) => client.$disconnect().catch(() => {})));
  await Promise.all(proxies.map((proxy) => proxy.close()));
});

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function terminateBackend(pid: number): Promise<void> {
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await admin.connect();
  try {
    await admin.query("SELECT pg_terminate_backend($1)", [pid]);
  } finally {
    await admin.end();
  }
}

describe("the app's pool when connections die", () => {
  // Only `sql` here, never Prisma: Prisma's adapter adds an error listener to the pool when
  // it connects, and the hot path may run before it has.
  it("an idle connection killed by the server does not crash the process, and the next query works", async () => {
    const [{ pid }] = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`;
    const pool = registeredDbPool()!;
    expect(pool.idleCount).toBe(1);
    await terminateBackend(pid);
    await until(() => pool.totalCount === 0);
    const [{ pid: next }] = await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`;
    expect(next).not.toBe(pid);
  });

  it("a connection whose query got no answer (half-open) is closed, not handed out again", async () => {
    const proxy = await startFaultProxy(process.env.DATABASE_URL!);
    proxies.push(proxy);
    // One connection, so a connection given back to the pool would be the next one used.
    const pool = createPool(proxy.url, { size: 1, connectTimeoutMs: 2_000, statementTimeoutMs: 200 });
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    clients.push(prisma);
    expect(await prisma.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);

    // Inside a transaction (Prisma's adapter releases its connection without an error
    // after a failed transaction): the network stops answering mid-transaction.
    const failed = await prisma
      .$transaction(async (tx) => {
        proxy.hang();
        await tx.$queryRaw`SELECT 2`;
      })
      .then(() => null, (error: unknown) => error);
    expect(String(failed)).toMatch(/Query read timeout/);

    // New connections get through again: the next query must not wait behind the stuck one.
    const started = Date.now();
    expect(await prisma.$queryRaw`SELECT 3 AS three`).toEqual([{ three: 3 }]);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(proxy.opened).toBe(2);
  });
});
