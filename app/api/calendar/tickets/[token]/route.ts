import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { buyerCalendar } from "@/lib/places/buyer-calendar";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

// The token is the key: never cached by anyone, never sent on as a referrer.
const PRIVATE = { "cache-control": "private, no-store", "referrer-policy": "no-referrer" };

/** GET /api/calendar/tickets/:token: the feed owner's tickets, to subscribe to. */
export const GET = withApiErrors("tickets_calendar", async (request: Request, { params }: Context) => {
  const ics = await buyerCalendar((await params).token, appUrl(request));
  if (ics === null) return problemResponse("not_found", { detail: "This calendar link is unknown or was replaced.", headers: PRIVATE });
  return new Response(ics, { headers: { "content-type": "text/calendar; charset=utf-8", "content-disposition": 'inline; filename="tickets.ics"', ...PRIVATE } });
});
