import { AdminError } from "@/lib/admin/errors";
import { getEventForm } from "@/lib/admin/get-event-form";
import { adminJsonRoute } from "@/lib/admin/json-route";
import { updateEvent } from "@/lib/admin/update-event";

/** GET /api/admin/events/edit/:id: the event as the edit takes it back (times on the venue's clock), with its `version`. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return adminJsonRoute(request, "events.read", async (actor) => {
    const event = await getEventForm({ actor, eventId: id });
    if (!event) throw new AdminError("not_found", "This event does not exist");
    return Response.json({ event }, { headers: { "cache-control": "private, no-store" } });
  });
}

/** POST /api/admin/events/edit/:id: the whole event as JSON, with the `version` it was read at. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return adminJsonRoute(request, "events.edit", async (actor, body) => {
    const saved = await updateEvent({ actor, eventId: id, input: body });
    return Response.json({ event: saved });
  });
}
