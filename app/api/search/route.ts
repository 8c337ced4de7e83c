import { z } from "zod";
import { readBodyText } from "@/lib/http/json";
import { cacheableJson } from "@/lib/http/cacheable-json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { invalidQueryProblem, problemResponse } from "@/lib/http/problem";
import { parseEventFilters } from "@/lib/catalog/filters";
import { searchEvents } from "@/lib/catalog/search-events";
import { nearForApi } from "@/lib/places/near-for-api";
import { issuesToErrors } from "@/lib/errors/field-errors";
import { contentLanguageHeaders, localeFromAcceptLanguage } from "@/lib/i18n/accept-language";

export const dynamic = "force-dynamic";

// Longer queries are truncated by searchEvents; this only bounds what we read and parse.
const MAX_BODY_CHARACTERS = 16_000;
const MAX_BODY_BYTES = MAX_BODY_CHARACTERS * 4;

const ZSearchBody = z.object({
  q: z.string({ error: "Send the search text as a string in q" }),
  page: z.number({ error: "The page must be a whole number from 1 to 1000" }).int().min(1).max(1000).optional(),
});

/** The search the URL asks for: q, page and the listing filters. */
async function searchFromUrl(params: URLSearchParams, request: Request): Promise<Response> {
  const q = params.get("q");
  if (q === null) return invalidQueryProblem("q", "Send the search text in q");
  const parsed = parseEventFilters(params);
  if (!parsed.ok) return invalidQueryProblem(parsed.parameter, parsed.message);
  const near = await nearForApi(params);
  if (!near.ok) return invalidQueryProblem(near.parameter, near.message);
  const { page, ...filters } = parsed.filters;
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  return cacheableJson(request, await searchEvents(q, { page, filters: { ...filters, ...(near.near ? { near: near.near } : {}) }, locale: locale ?? undefined }), contentLanguageHeaders(locale));
}

/** GET /api/search?q=…&page=… (and the listing filters: category, where, date, price, available). */
export const GET = withApiErrors("search", (request: Request) => searchFromUrl(new URL(request.url).searchParams, request));

/**
 * POST /api/search?q=… (the text in the URL, as GET; the body is then not read), or
 * POST /api/search with a JSON body { q, page? } for long or awkward queries.
 */
export const POST = withApiErrors("search_post", async (request: Request) => {
  const params = new URL(request.url).searchParams;
  if (params.has("q")) {
    await request.body?.cancel().catch(() => {});
    return searchFromUrl(params, request);
  }
  const tooLarge = () => problemResponse("content_too_large", { detail: `Send at most ${MAX_BODY_CHARACTERS} characters.` });
  const read = await readBodyText(request, MAX_BODY_BYTES);
  if (!read.ok || read.text.length > MAX_BODY_CHARACTERS) return tooLarge();
  let body: unknown;
  try {
    body = JSON.parse(read.text);
  } catch {
    return problemResponse("malformed_request", { detail: 'Send a JSON body like {"q": "jazz"}, or the text in the URL: ?q=jazz', errors: [{ pointer: "", detail: "Not JSON" }] });
  }
  const parsed = ZSearchBody.safeParse(body);
  if (!parsed.success) {
    const errors = issuesToErrors(parsed.error.issues);
    const detail = errors[0]?.pointer ? errors[0].detail : 'Send a JSON object like {"q": "jazz"}';
    return problemResponse("malformed_request", { detail, errors });
  }
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  return Response.json(await searchEvents(parsed.data.q, { page: parsed.data.page, locale: locale ?? undefined }), { headers: contentLanguageHeaders(locale) });
});
