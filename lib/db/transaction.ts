import "server-only";
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type Tx = Prisma.TransactionClient;
/** Either the client itself (one statement, its own transaction) or an open transaction. */
export type Db = Tx | typeof prisma;

// Lock waits count against an interactive transaction's time, and a flash sale queues
// many buyers on the same rows: give them room, but not forever.
const OPTIONS = { maxWait: 20_000, timeout: 30_000 } as const;
const ATTEMPTS = 4;

function isRetryable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  if (code === "P2034") return true; // serialization failure or deadlock (40001 / 40P01)
  const message = error instanceof Error ? error.message : "";
  return /deadlock detected|could not serialize|TransactionWriteConflict/i.test(message);
}

/**
 * Runs `work` in one database transaction. A deadlock or serialization failure is retried
 * (the lock order in lib/orders makes them unexpected, but they must never reach a buyer).
 */
export async function inTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await prisma.$transaction(work, OPTIONS);
    } catch (error) {
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt + Math.random() * 20));
    }
  }
}
