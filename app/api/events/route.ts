import { withApiErrors } from "@/lib/api/http";
import { invalidQueryProblem } from "@/lib/api/problem";
import { parseEventFilters } from "@/lib/catalog/filters";
import { listEvents } from "@/lib/catalog/list-events";

export const dynamic = "force-dynamic";

/** GET /api/events?category=&where=&date=&from=&to=&price=&available=&page= */
export const GET = withApiErrors("events", async (request: Request) => {
  const parsed = parseEventFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidQueryProblem(parsed.parameter, parsed.message);
  return Response.json(await listEvents(parsed.filters));
});
