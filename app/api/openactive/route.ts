import { withApiErrors } from "@/lib/http/with-api-errors";
import { datasetJsonLd } from "@/lib/feeds/dataset";
import { withMetrics } from "@/lib/ops/with-metrics";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

/** GET /api/openactive: the dataset's discovery document (the Dataset the /openactive page embeds). */
export const GET = withMetrics("openactive_dataset", withApiErrors("openactive_dataset", (request: Request) =>
  Response.json(datasetJsonLd(appUrl(request)), {
    headers: { "content-type": "application/ld+json", "cache-control": "public, max-age=3600" },
  }),
));
