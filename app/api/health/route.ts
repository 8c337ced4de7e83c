import { withApiErrors } from "@/lib/http/with-api-errors";
import { withMetrics } from "@/lib/ops/with-metrics";

export const dynamic = "force-dynamic";

/** Liveness: the process is up and serving. Cheap, no database, no secrets. Readiness is /api/ready. */
export const GET = withMetrics(
  "health",
  withApiErrors("health", () => Response.json({ status: "ok", uptimeSeconds: Math.round(process.uptime()) }, { headers: { "cache-control": "no-store" } })),
);
