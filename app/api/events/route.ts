import { withApiErrors } from "@/lib/http/with-api-errors";
import { invalidQueryProblem } from "@/lib/http/problem";
import { parseEventFilters } from "@/lib/catalog/filters";
import { listEvents } from "@/lib/catalog/list-events";
import { contentLanguageHeaders, localeFromAcceptLanguage } from "@/lib/i18n/accept-language";

export const dynamic = "force-dynamic";

/** GET /api/events?category=&where=&date=&from=&to=&price=&available=&page= */
export const GET = withApiErrors("events", async (request: Request) => {
  const parsed = parseEventFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return invalidQueryProblem(parsed.parameter, parsed.message);
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  return Response.json(await listEvents(parsed.filters, { locale: locale ?? undefined }), { headers: contentLanguageHeaders(locale) });
});
