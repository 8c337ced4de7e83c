import "server-only";
import type { Db } from "@/lib/db/transaction";
import { currentRequestId } from "@/lib/ops/request-context";
import { jobKey, jobSubjectId, type JobKind, type JobPayloadInput } from "./kinds";

// The queue's one way in from TypeScript (the order functions in SQL call the same
// `jobs_enqueue`). Pass the caller's transaction: the job then commits with the change that
// needs it, or not at all (a transactional outbox). The unique key makes a repeat harmless.

/** A job's stored payload: what its kind takes, plus the request that queued it (for the logs). */
export function jobPayloadJson<K extends JobKind>(payload: JobPayloadInput<K>): string {
  return JSON.stringify({ ...payload, requestId: currentRequestId() ?? null });
}

export async function enqueueJob<K extends JobKind>(
  db: Db,
  kind: K,
  payload: JobPayloadInput<K>,
  options: { uniqueKey?: string; runAt?: Date } = {},
): Promise<void> {
  const uniqueKey = options.uniqueKey ?? jobKey(kind, jobSubjectId(payload));
  await db.$executeRaw`SELECT jobs_enqueue(${kind}, ${jobPayloadJson(payload)}::jsonb, ${uniqueKey}, ${options.runAt ?? new Date()}::timestamptz)`;
}
