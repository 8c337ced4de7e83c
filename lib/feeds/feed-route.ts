import "server-only";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { invalidQueryProblem, problemResponse } from "@/lib/http/problem";
import { logError } from "@/lib/log";
import { withMetrics } from "@/lib/ops/with-metrics";
import { appUrl } from "@/lib/urls";
import { parseFeedParams } from "./feed-params";
import type { FeedDefinition } from "./feeds";
import { FEED_CACHE_CONTROL } from "./rpde";

/**
 * GET handler of one RPDE feed: `?afterChangeNumber=N&limit=L`, a 400 problem naming a bad
 * parameter, pages cached for an hour and the last page for 8 seconds, and a 503 problem
 * (RPDE: "temporarily unavailable, retry later") when the page cannot be read.
 */
export function feedRoute(feed: FeedDefinition) {
  return withMetrics(feed.name, withApiErrors(feed.name, async (request: Request) => {
    const url = new URL(request.url);
    const parsed = parseFeedParams(url.searchParams);
    if (!parsed.ok) return invalidQueryProblem(parsed.parameter, parsed.message);
    try {
      const page = await feed.read({ params: parsed.params, baseUrl: appUrl(request), currentUrl: `${url.pathname}${url.search}` });
      const isLastPage = page.items.length === 0;
      return Response.json(page, { headers: { "cache-control": isLastPage ? FEED_CACHE_CONTROL.lastPage : FEED_CACHE_CONTROL.page } });
    } catch (error) {
      logError(`${feed.name} page failed`, error, { search: url.search });
      return problemResponse("unavailable", { detail: "The feed is temporarily unavailable", retryAfterSeconds: 3600 });
    }
  }));
}
