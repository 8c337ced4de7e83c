import { cacheableJson } from "@/lib/http/cacheable-json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { getPublicEventById } from "@/lib/catalog/get-event";
import { contentLanguageHeaders, localeFromAcceptLanguage } from "@/lib/i18n/accept-language";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/events/:id: a published event with its upcoming sessions, or 404. */
export const GET = withApiErrors("event", async (request: Request, { params }: Context) => {
  const locale = localeFromAcceptLanguage(request.headers.get("accept-language"));
  const event = await getPublicEventById((await params).id, { locale: locale ?? undefined, lagTolerant: true });
  if (!event) return problemResponse("not_found", { detail: "Event not found." });
  return cacheableJson(request, event, contentLanguageHeaders(locale));
});
