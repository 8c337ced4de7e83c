import { z } from "zod";
import { parseEventFilters } from "@/lib/catalog/filters";
import { searchEvents } from "@/lib/catalog/search-events";

export const dynamic = "force-dynamic";

// Longer queries are truncated by searchEvents; this only bounds what we read and parse.
const MAX_BODY_CHARACTERS = 16_000;

const ZSearchBody = z.object({
  q: z.string({ error: "Send the search text as a string in q" }),
  page: z.number({ error: "The page must be a whole number from 1 to 1000" }).int().min(1).max(1000).optional(),
});

function badRequest(parameter: string, message: string, status = 400) {
  return Response.json({ error: { parameter, message } }, { status });
}

/** GET /api/search?q=…&page=… (and the listing filters: category, where, date, price, available). */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const q = params.get("q");
  if (q === null) return badRequest("q", "Send the search text in q");
  const parsed = parseEventFilters(params);
  if (!parsed.ok) return badRequest(parsed.parameter, parsed.message);
  const { page, ...filters } = parsed.filters;
  return Response.json(await searchEvents(q, { page, filters }));
}

/** POST /api/search with a JSON body { q, page? }. */
export async function POST(request: Request) {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_CHARACTERS * 4) return badRequest("body", "The request body is too large", 413);
  const text = await request.text();
  if (text.length > MAX_BODY_CHARACTERS) return badRequest("body", "The request body is too large", 413);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return badRequest("body", "Send a JSON body like {\"q\": \"jazz\"}");
  }
  const parsed = ZSearchBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return badRequest(String(issue.path[0] ?? "body"), issue.path.length ? issue.message : "Send a JSON object like {\"q\": \"jazz\"}");
  }
  return Response.json(await searchEvents(parsed.data.q, { page: parsed.data.page }));
}
