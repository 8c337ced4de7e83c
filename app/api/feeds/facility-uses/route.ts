import { feedRoute } from "@/lib/feeds/feed-route";
import { FEEDS } from "@/lib/feeds/feeds";

export const dynamic = "force-dynamic";

/** GET /api/feeds/facility-uses[?afterChangeNumber=N][&limit=L]: OpenActive RPDE 1.0 feed (facilityUses). */
export const GET = feedRoute(FEEDS.facilityUses);
