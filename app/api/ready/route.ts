import { withApiErrors } from "@/lib/http/with-api-errors";
import { withMetrics } from "@/lib/ops/with-metrics";
import { checkReadiness, parseSkip } from "@/lib/ops/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness: 200 when the database answers, every shipped migration is applied and the
 * job queue is draining; 503 otherwise, naming the failing check (a status report for load
 * balancers, not a problem: it has the same shape either way). `?skip=queue` leaves a
 * check out (a load balancer may not want a slow email queue to take the site down).
 */
export const GET = withMetrics(
  "ready",
  withApiErrors("ready", async (request: Request) => {
    const readiness = await checkReadiness({ skip: parseSkip(new URL(request.url).searchParams.get("skip")) });
    return Response.json(readiness, {
      status: readiness.status === "ready" ? 200 : 503,
      headers: { "cache-control": "no-store" },
    });
  }),
);
