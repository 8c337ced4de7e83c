import { attendeeCsv, attendeeCsvFilename } from "@/lib/admin/check-in/attendee-csv";
import { getAttendeeList } from "@/lib/admin/check-in/attendee-list";
import { adminJsonRoute } from "@/lib/admin/json-route";

type Context = { params: Promise<{ id: string }> };

/** GET /api/admin/sessions/:id/attendees/export: the attendee list as a CSV download. */
export const GET = adminJsonRoute("sessions.attendees.export", async (actor, _body, _request, { params }: Context) => {
  const list = await getAttendeeList({ actor, sessionId: (await params).id });
  return new Response(attendeeCsv(list), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${attendeeCsvFilename(list)}"`,
      "cache-control": "private, no-store",
    },
  });
});
