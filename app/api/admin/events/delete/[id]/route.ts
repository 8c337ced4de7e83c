import { deleteEvent } from "@/lib/admin/delete-event";
import { adminJsonRoute } from "@/lib/admin/json-route";

/** POST /api/admin/events/delete/:id, optionally `{ "version": n }`: deleted, or cancelled with refunds. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return adminJsonRoute(request, "events.delete", async (actor, body) => Response.json(await deleteEvent({ actor, eventId: id, input: body })));
}
