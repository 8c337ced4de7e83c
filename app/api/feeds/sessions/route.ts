import { parseFeedParams } from "@/lib/feeds/feed-params";
import { FEED_CACHE_CONTROL, readSessionsFeedPage } from "@/lib/feeds/sessions-feed";
import { logError } from "@/lib/log";
import { withMetrics } from "@/lib/ops/with-metrics";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

/** GET /api/feeds/sessions[?afterChangeNumber=N][&limit=L]: OpenActive RPDE 1.0 feed of sessions. */
export const GET = withMetrics("feeds_sessions", async (request: Request) => {
  const url = new URL(request.url);
  const parsed = parseFeedParams(url.searchParams);
  if (!parsed.ok) {
    return Response.json({ error: { parameter: parsed.parameter, message: parsed.message } }, { status: 400, headers: { "cache-control": "no-store" } });
  }
  try {
    const page = await readSessionsFeedPage({ params: parsed.params, baseUrl: appUrl(request), currentUrl: `${url.pathname}${url.search}` });
    const isLastPage = page.items.length === 0;
    return Response.json(page, { headers: { "cache-control": isLastPage ? FEED_CACHE_CONTROL.lastPage : FEED_CACHE_CONTROL.page } });
  } catch (error) {
    // RPDE defines 503 as "temporarily unavailable, retry later" for consumers.
    logError("sessions feed page failed", error, { search: url.search });
    return Response.json({ error: { message: "The feed is temporarily unavailable" } }, { status: 503, headers: { "cache-control": "no-store", "retry-after": "3600" } });
  }
});
