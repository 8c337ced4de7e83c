import { adminJsonRoute } from "@/lib/admin/json-route";
import { getAnalytics } from "@/lib/analytics/get-analytics";

/** GET /api/admin/analytics?from=YYYY-MM-DD&to=YYYY-MM-DD: the dashboard's figures. */
export const GET = adminJsonRoute("analytics", async (actor, _body, request) => {
  const url = new URL(request.url);
  const { analytics, rangeError } = await getAnalytics({ actor, query: { from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined } });
  return Response.json({ ...analytics, warning: rangeError }, { headers: { "cache-control": "private, no-store" } });
});
