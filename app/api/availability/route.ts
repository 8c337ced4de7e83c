import { withApiErrors } from "@/lib/http/with-api-errors";
import { invalidQueryProblem } from "@/lib/http/problem";
import { readAvailability } from "@/lib/realtime/availability";
import { parseAvailabilityFilter, toBrowserAvailability } from "@/lib/realtime/types";
import { withMetrics } from "@/lib/ops/with-metrics";

export const dynamic = "force-dynamic";

/**
 * GET /api/availability?sessions=<id>,<id> (or ?event=<id>): the current remaining places,
 * for pages whose live stream is down (they poll this instead).
 */
export const GET = withMetrics(
  "availability",
  withApiErrors("availability", async (request: Request) => {
    const parsed = parseAvailabilityFilter(new URL(request.url).searchParams, { required: true });
    if (!parsed.ok) return invalidQueryProblem(parsed.parameter, parsed.message);
    const changes = await readAvailability({ filter: parsed.filter });
    const sessions = changes
      .filter((change) => change.public && !change.deleted)
      .map(toBrowserAvailability);
    return Response.json({ sessions }, { headers: { "cache-control": "no-store" } });
  }),
);
