import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { coalesced, startJobWaker, WAKER_APPLICATION_NAME } from "./wake";

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("the job waker", () => {
  it("drains as soon as a due job commits, not for a job due later or one rolled back", async () => {
    let drains = 0;
    const waker = startJobWaker({ databaseUrl: process.env.DATABASE_URL, drain: async () => void drains++ });
    try {
      await until(() => drains === 1); // the drain on connect, for jobs queued while nobody listened
      await prisma.$executeRaw`SELECT jobs_enqueue('deliver_order', '{}'::jsonb, ${`wake-test:${Date.now()}:later`}, now() + interval '1 hour')`;
      await prisma.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT jobs_enqueue('deliver_order', '{}'::jsonb, ${`wake-test:${Date.now()}:rolled-back`})`;
        throw new Error("roll back");
      }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(drains).toBe(1);
      // Each due job wakes it, however its run_at rounds to the column's milliseconds.
      for (let i = 1; i <= 10; i++) {
        await prisma.$executeRaw`SELECT jobs_enqueue('deliver_order', '{}'::jsonb, ${`wake-test:${Date.now()}:now-${i}`})`;
        await until(() => drains === 1 + i, 10_000);
      }
    } finally {
      await waker.stop();
      await prisma.$executeRaw`DELETE FROM jobs WHERE unique_key LIKE 'wake-test:%'`;
    }
  });

  it("comes back after its connection is killed: drains on reconnecting, then on the next wake-up", async () => {
    let drains = 0;
    const waker = startJobWaker({ databaseUrl: process.env.DATABASE_URL, drain: async () => void drains++, minBackoffMs: 20 });
    try {
      await until(() => waker.listening && drains === 1);
      const [{ killed }] = await prisma.$queryRaw<{ killed: number }[]>`
        SELECT count(pg_terminate_backend(pid))::int AS killed FROM pg_stat_activity WHERE application_name = ${WAKER_APPLICATION_NAME}`;
      expect(killed).toBe(1);
      // Back, and a drain for whatever was queued while nobody listened.
      await until(() => waker.listening && waker.connections === 2 && drains === 2, 10_000);
      await prisma.$executeRaw`SELECT jobs_enqueue('deliver_order', '{}'::jsonb, ${`wake-test:${Date.now()}:after-kill`})`;
      await until(() => drains === 3, 10_000);
    } finally {
      await waker.stop();
      await prisma.$executeRaw`DELETE FROM jobs WHERE unique_key LIKE 'wake-test:%'`;
    }
  });

  it("runs one drain at a time and one more round for wake-ups that came during it", async () => {
    let running = 0;
    let most = 0;
    let rounds = 0;
    let release!: () => void;
    const drain = coalesced(async () => {
      running++;
      most = Math.max(most, running);
      rounds++;
      if (rounds === 1) await new Promise<void>((resolve) => (release = resolve));
      running--;
    });
    const first = drain();
    for (let i = 0; i < 10; i++) void drain();
    release();
    await first;
    expect(most).toBe(1);
    expect(rounds).toBe(2);
  });
});
