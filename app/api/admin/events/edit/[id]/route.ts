import { AdminError } from "@/lib/admin/errors";
import { getEventForm } from "@/lib/admin/events/get-event-form";
import { adminJsonRoute } from "@/lib/admin/json-route";
import { updateEvent } from "@/lib/admin/events/update-event";

type Context = { params: Promise<{ id: string }> };

/** GET /api/admin/events/edit/:id: the event as the edit takes it back (times on the venue's clock), with its `version`. */
export const GET = adminJsonRoute("events.read", async (actor, _body, _request, { params }: Context) => {
  const event = await getEventForm({ actor, eventId: (await params).id });
  if (!event) throw new AdminError("not_found", "This event does not exist");
  return Response.json({ event }, { headers: { "cache-control": "private, no-store" } });
});

/** POST /api/admin/events/edit/:id: the whole event as JSON, with the `version` it was read at. */
export const POST = adminJsonRoute("events.edit", async (actor, body, _request, { params }: Context) => {
  const saved = await updateEvent({ actor, eventId: (await params).id, input: body });
  return Response.json({ event: saved });
});
