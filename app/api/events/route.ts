import { cacheableJson } from "@/lib/http/cacheable-json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { invalidQueryProblem } from "@/lib/http/problem";
import { parseEventFilters } from "@/lib/catalog/filters";
import { listEvents } from "@/lib/catalog/list-events";
import { nearForApi } from "@/lib/places/near-for-api";
import { contentLanguageHeaders, localeFromAcceptLanguage } from "@/lib/i18n/accept-language";

export const dynamic = "force-dynamic";

/** GET /api/events?category=&where=&date=&from=&to=&price=&available=&page= (and near: lat, lng or place, radius) */
export const GET = withApiErrors("events", async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const parsed = parseEventFilters(params);
  if (!parsed.ok) return invalidQueryProblem(parsed.parameter, parsed.message);
  const near = await nearForApi(params);
  if (!near.ok) return invalidQueryProblem(near.parameter, near.message);
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  return cacheableJson(request, await listEvents({ ...parsed.filters, ...(near.near ? { near: near.near } : {}) }, { locale: locale ?? undefined }), contentLanguageHeaders(locale));
});
