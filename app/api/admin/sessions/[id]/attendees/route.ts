import { getAttendeeList } from "@/lib/admin/check-in/attendee-list";
import { adminJsonRoute } from "@/lib/admin/json-route";

type Context = { params: Promise<{ id: string }> };

/** GET /api/admin/sessions/:id/attendees: the session's attendee list (valid tickets, holders, answers, check-ins). */
export const GET = adminJsonRoute("sessions.attendees", async (actor, _body, _request, { params }: Context) => {
  const list = await getAttendeeList({ actor, sessionId: (await params).id });
  return Response.json(list, { headers: { "cache-control": "private, no-store" } });
});
