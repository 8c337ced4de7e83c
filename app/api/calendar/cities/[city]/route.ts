import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { toLocale } from "@/lib/i18n/locales";
import { cityCalendar } from "@/lib/places/city-calendar";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ city: string }> };

/** GET /api/calendar/cities/:city[?lang=pt]: the city's upcoming sessions, to subscribe to. */
export const GET = withApiErrors("city_calendar", async (request: Request, { params }: Context) => {
  const locale = toLocale(new URL(request.url).searchParams.get("lang"));
  const calendar = await cityCalendar((await params).city, locale, appUrl(request));
  if (!calendar) return problemResponse("not_found", { detail: "No city of that name has events." });
  return new Response(calendar.ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `inline; filename="${(await params).city}.ics"`,
      // Public and the same for everyone: a shared cache may keep it for a while.
      "cache-control": "public, max-age=900",
    },
  });
});
