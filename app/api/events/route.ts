import { parseEventFilters } from "@/lib/catalog/filters";
import { listEvents } from "@/lib/catalog/list-events";

export const dynamic = "force-dynamic";

/** GET /api/events?category=&where=&date=&from=&to=&price=&available=&page= */
export async function GET(request: Request) {
  const parsed = parseEventFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return Response.json({ error: { parameter: parsed.parameter, message: parsed.message } }, { status: 400 });
  return Response.json(await listEvents(parsed.filters));
}
