import { feedRoute } from "@/lib/feeds/feed-route";
import { FEEDS } from "@/lib/feeds/feeds";

export const dynamic = "force-dynamic";

/** GET /api/feeds/session-series[?afterChangeNumber=N][&limit=L]: OpenActive RPDE 1.0 feed (sessionSeries). */
export const GET = feedRoute(FEEDS.sessionSeries);
