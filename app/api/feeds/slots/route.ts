import { feedRoute } from "@/lib/feeds/feed-route";
import { FEEDS } from "@/lib/feeds/feeds";

export const dynamic = "force-dynamic";

/** GET /api/feeds/slots[?afterChangeNumber=N][&limit=L]: OpenActive RPDE 1.0 feed (slots). */
export const GET = feedRoute(FEEDS.slots);
