import { adminJsonRoute } from "@/lib/admin/json-route";
import { analyticsCsv, type CsvReport } from "@/lib/analytics/csv";
import { getAnalytics } from "@/lib/analytics/get-analytics";

const REPORTS: CsvReport[] = ["sessions", "sales", "revenue", "vouchers"];

/** GET /api/admin/analytics/export?from&to&report=sessions|sales|revenue|vouchers: a CSV download. */
export const GET = adminJsonRoute("analytics.export", async (actor, _body, request) => {
  const url = new URL(request.url);
  const report = REPORTS.find((candidate) => candidate === url.searchParams.get("report")) ?? "sessions";
  const { analytics } = await getAnalytics({ actor, query: { from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined } });
  const filename = `local-tickets-${report}-${analytics.range.from}-to-${analytics.range.to}.csv`;
  return new Response(analyticsCsv(analytics, report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "private, no-store",
    },
  });
});
