import "server-only";
import { prisma } from "@/lib/db";
import { pipelineQuery } from "@/lib/analytics/analytics-sql";
import { assertAdmin, type Actor } from "../authorize";
import { assertPlatform } from "../host-scope";

export type DeadJobRow = {
  id: string;
  kind: string;
  attempts: number;
  last_error: string | null;
  updated_at: Date;
  created_at: Date;
  order_id: string | null;
  order_reference: string | null;
};

/** Dead jobs, most recent first (jobs_status_updated_at_idx), with the order they were for. */
export async function listDeadJobs(options: { actor: Actor | null; limit?: number }): Promise<DeadJobRow[]> {
  assertPlatform(await assertAdmin(options.actor));
  return prisma.$queryRaw<DeadJobRow[]>`
    SELECT j.id, j.kind, j.attempts, j.last_error, j.updated_at, j.created_at, o.id AS order_id, o.reference AS order_reference
      FROM (SELECT * FROM jobs WHERE status = 'dead' ORDER BY updated_at DESC LIMIT ${Math.min(200, options.limit ?? 100)}) j
      LEFT JOIN orders o ON o.id = CASE WHEN j.payload->>'orderId' ~* '^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$' THEN (j.payload->>'orderId')::uuid END
     ORDER BY j.updated_at DESC`;
}

/** Open jobs by kind and status (and those finished in the last day), and how long the oldest due job has waited. */
export async function getJobPipeline(options: { actor: Actor | null }) {
  assertPlatform(await assertAdmin(options.actor));
  const rows = await pipelineQuery(prisma);
  const oldest = rows.reduce<Date | null>((found, row) => (row.oldest_due && (!found || row.oldest_due < found) ? row.oldest_due : found), null);
  return {
    rows: rows.map(({ kind, status, count }) => ({ kind, status, count })),
    oldestDueSeconds: oldest ? Math.max(0, Math.round((Date.now() - oldest.getTime()) / 1000)) : null,
  };
}
