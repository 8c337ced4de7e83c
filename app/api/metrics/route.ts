import { isAuthorizedScraper } from "@/lib/ops/metrics-auth";
import { renderMetrics } from "@/lib/ops/metrics";
import { withMetrics } from "@/lib/ops/with-metrics";

export const dynamic = "force-dynamic";

/** Prometheus scrape endpoint: `Authorization: Bearer $METRICS_TOKEN`; 404 when no token is configured. */
export const GET = withMetrics("metrics", async (request: Request) => {
  const access = isAuthorizedScraper(request.headers.get("authorization"));
  if (access === "disabled") return Response.json({ error: "metrics are disabled: set METRICS_TOKEN" }, { status: 404 });
  if (access === "denied") return Response.json({ error: "unauthorized" }, { status: 401, headers: { "www-authenticate": "Bearer" } });
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
