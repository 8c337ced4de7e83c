import "server-only";
import type { z } from "zod";
import type { Db } from "@/lib/db/transaction";
import { currentRequestId } from "@/lib/ops/request-context";
// Types only: enqueueing must not load the handlers (PDF, email) into every caller.
import type { JOB_DEFINITIONS } from "./handlers";

// The queue's one way in from TypeScript (the order functions in SQL call the same
// `jobs_enqueue`). Pass the caller's transaction: the job then commits with the change that
// needs it, or not at all (a transactional outbox). The unique key makes a repeat harmless.

export type JobKind = keyof typeof JOB_DEFINITIONS;
export type JobPayloads = { [K in JobKind]: z.input<(typeof JOB_DEFINITIONS)[K]["payload"]> };

export async function enqueueJob<K extends JobKind>(
  db: Db,
  kind: K,
  payload: JobPayloads[K],
  options: { uniqueKey?: string; runAt?: Date } = {},
): Promise<void> {
  const body = { ...payload, requestId: currentRequestId() ?? null };
  const uniqueKey = options.uniqueKey ?? `${kind}:${payload.orderId}`;
  await db.$executeRaw`SELECT jobs_enqueue(${kind}, ${JSON.stringify(body)}::jsonb, ${uniqueKey}, ${options.runAt ?? new Date()}::timestamptz)`;
}
