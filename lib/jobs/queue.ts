import "server-only";
import { hostname } from "node:os";
import { prisma } from "@/lib/db";
import type { Tx } from "@/lib/db/transaction";
import { runJobWithContext } from "@/lib/ops/request-context";
import { isShuttingDown } from "@/lib/ops/shutdown";
import { enqueueJob } from "./enqueue";
import { JOB_KINDS, jobKey, jobSubjectId, type JobKind, type JobPayload, type JobPayloadInput } from "./kinds";

export type ClaimedJob = { id: string; kind: string; payload: Record<string, unknown>; attempts: number; max_attempts: number };
export type JobHandler = (payload: Record<string, unknown>, job: ClaimedJob) => Promise<void>;
/** The handler of one kind: its payload already parsed by the kind's schema (lib/jobs/kinds.ts). */
export type KindHandler<K extends JobKind> = (payload: JobPayload<K>, job: ClaimedJob) => Promise<void>;
/** One handler for every kind: lib/worker gathers them from their domains. */
export type KindHandlers = { [K in JobKind]: KindHandler<K> };

/** The queue's handlers, each given its payload parsed by its kind's schema (a bad payload fails the job). */
export function parsingHandlers(handlers: KindHandlers): Record<string, JobHandler> {
  return Object.fromEntries(
    (Object.keys(handlers) as JobKind[]).map((kind) => {
      const run = handlers[kind] as KindHandler<JobKind>;
      const handler: JobHandler = (payload, job) => run(JOB_KINDS[kind].parse(payload), job);
      return [kind, handler];
    }),
  );
}

/** A worker that died mid-job leaves a lock; after this long another worker takes the job again. */
export const STALE_LOCK_SECONDS = 120;
const WORKER_ID = `${hostname()}:${process.pid}`;

/**
 * Claims up to `limit` due jobs. SKIP LOCKED lets many workers drain the table at once
 * without ever taking the same job; a running job whose lock is stale is due again.
 */
export async function claimJobs(limit: number, workerId = WORKER_ID): Promise<ClaimedJob[]> {
  // A job whose worker died mid-run counts that run as an attempt: once it has had them all,
  // it goes to dead (for an admin to look at) instead of running once more, whatever killed it.
  return prisma.$queryRaw<ClaimedJob[]>`
    WITH buried AS (
      UPDATE jobs SET status = 'dead', locked_at = NULL, locked_by = NULL, updated_at = now(),
                      last_error = concat_ws(E'\n', last_error, 'The worker running it stopped answering (attempt ' || attempts || ' of ' || max_attempts || ').')
       WHERE id IN (SELECT id FROM jobs
                     WHERE status = 'running' AND locked_at < now() - make_interval(secs => ${STALE_LOCK_SECONDS}) AND attempts >= max_attempts
                       FOR UPDATE SKIP LOCKED)
      RETURNING id
    )
    UPDATE jobs SET status = 'running', locked_at = now(), locked_by = ${workerId}, attempts = attempts + 1, updated_at = now()
     WHERE id IN (
       SELECT id FROM jobs
        WHERE ((status = 'queued' AND run_at <= now())
           OR (status = 'running' AND locked_at < now() - make_interval(secs => ${STALE_LOCK_SECONDS}) AND attempts < max_attempts))
          AND id NOT IN (SELECT id FROM buried)
        ORDER BY run_at
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, kind, payload, attempts, max_attempts`;
}

/** Exponential backoff with full jitter: 10 s, 20 s, 40 s … capped at one hour. */
export function retryDelaySeconds(attempts: number, random = Math.random()): number {
  const ceiling = Math.min(3600, 10 * 2 ** Math.max(0, attempts - 1));
  return Math.max(1, Math.round(ceiling / 2 + (random * ceiling) / 2));
}

async function markSucceeded(job: ClaimedJob, workerId: string): Promise<void> {
  // The lock check keeps a worker that lost its job (stale lock, reclaimed) from overwriting the new owner.
  await prisma.$executeRaw`
    UPDATE jobs SET status = 'succeeded', locked_at = NULL, locked_by = NULL, last_error = NULL, updated_at = now()
     WHERE id = ${job.id}::uuid AND locked_by = ${workerId}`;
}

async function markFailed(job: ClaimedJob, workerId: string, error: unknown): Promise<void> {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
  const dead = job.attempts >= job.max_attempts;
  await prisma.$executeRaw`
    UPDATE jobs SET status = ${dead ? "dead" : "queued"}::job_status,
                    run_at = now() + make_interval(secs => ${dead ? 0 : retryDelaySeconds(job.attempts)}),
                    locked_at = NULL, locked_by = NULL, last_error = ${message}, updated_at = now()
     WHERE id = ${job.id}::uuid AND locked_by = ${workerId}`;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then((value) => { clearTimeout(timer); resolve(value); }, (error) => { clearTimeout(timer); reject(error); });
  });
}

export type DrainResult = { claimed: number; succeeded: number; failed: number };

/** Claims and runs due jobs until none are left or the time budget is spent. */
export async function drainJobs(options: {
  handlers: Record<string, JobHandler>;
  budgetMs?: number;
  batchSize?: number;
  jobTimeoutMs?: number;
  workerId?: string;
}): Promise<DrainResult> {
  const { handlers, budgetMs = 20_000, batchSize = 5, jobTimeoutMs = 30_000, workerId = WORKER_ID } = options;
  const deadline = Date.now() + budgetMs;
  const result: DrainResult = { claimed: 0, succeeded: 0, failed: 0 };
  // A stopping process finishes the jobs it holds and claims no new ones.
  while (Date.now() < deadline && !isShuttingDown()) {
    const jobs = await claimJobs(batchSize, workerId);
    if (jobs.length === 0) break;
    result.claimed += jobs.length;
    await Promise.all(
      jobs.map(async (job) => {
        try {
          const handler = handlers[job.kind];
          if (!handler) throw new Error(`No handler for job kind "${job.kind}"`);
          await runJobWithContext(job, () => withTimeout(handler(job.payload, job), jobTimeoutMs));
          await markSucceeded(job, workerId);
          result.succeeded++;
        } catch (error) {
          await markFailed(job, workerId, error);
          result.failed++;
        }
      }),
    );
  }
  return result;
}

/** Admins bring a dead job back: it runs again with a fresh set of attempts. */
export async function retryDeadJob(jobId: string): Promise<boolean> {
  const changed = await prisma.$executeRaw`
    UPDATE jobs SET status = 'queued', attempts = 0, run_at = now(), last_error = NULL, updated_at = now()
     WHERE id = ${jobId}::uuid AND status = 'dead'`;
  return changed === 1;
}

export type JobState = { status: string; attempts: number; lastError: string | null };
export type RequeueOutcome = { outcome: "busy"; before: JobState } | { outcome: "requeued"; before: JobState } | { outcome: "enqueued"; before: null };

/**
 * Runs a unique job once more, e.g. an admin's "resend tickets". Its row (by unique key) goes
 * back to `queued`, due now, with fresh attempts and `again` merged into its payload; a job
 * that was never queued (or was discarded) is enqueued with `payload`. A job some worker is
 * running right now (its lock is not stale) is left alone: `busy`. Runs in the caller's
 * transaction, which keeps the row locked until it commits.
 */
export async function requeueJob<K extends JobKind>(
  tx: Tx,
  kind: K,
  payload: JobPayloadInput<K>,
  options: { uniqueKey?: string; again?: Partial<JobPayloadInput<K>> } = {},
): Promise<RequeueOutcome> {
  const uniqueKey = options.uniqueKey ?? jobKey(kind, jobSubjectId(payload));
  const [job] = await tx.$queryRaw<{ id: string; status: string; attempts: number; last_error: string | null; stale: boolean }[]>`
    SELECT id, status::text, attempts, last_error, locked_at < now() - make_interval(secs => ${STALE_LOCK_SECONDS}) AS stale
      FROM jobs WHERE unique_key = ${uniqueKey} FOR UPDATE`;
  if (!job) {
    await enqueueJob(tx, kind, payload, { uniqueKey });
    return { outcome: "enqueued", before: null };
  }
  const before = { status: job.status, attempts: job.attempts, lastError: job.last_error };
  if (job.status === "running" && !job.stale) return { outcome: "busy", before };
  await tx.$executeRaw`
    UPDATE jobs SET status = 'queued', attempts = 0, run_at = now(), last_error = NULL, locked_at = NULL, locked_by = NULL, updated_at = now(),
                    payload = payload || ${JSON.stringify(options.again ?? {})}::jsonb
     WHERE id = ${job.id}::uuid`;
  return { outcome: "requeued", before };
}
