import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { isAuthorizedScraper } from "@/lib/ops/metrics-auth";
import { renderMetrics } from "@/lib/ops/metrics";
import { withMetrics } from "@/lib/ops/with-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint: `Authorization: Bearer $METRICS_TOKEN`; 404 when no token is configured. */
export const GET = withMetrics(
  "metrics",
  withApiErrors("metrics", async (request: Request) => {
    const access = isAuthorizedScraper(request.headers.get("authorization"));
    if (access === "disabled") return problemResponse("not_found", { detail: "Metrics are disabled: set METRICS_TOKEN." });
    if (access === "denied") return problemResponse("unauthenticated", { detail: "Send Authorization: Bearer $METRICS_TOKEN.", headers: { "www-authenticate": "Bearer" } });
    const { body, contentType } = await renderMetrics();
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  }),
);
