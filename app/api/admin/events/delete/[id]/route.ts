import { deleteEvent } from "@/lib/admin/events/delete-event";
import { adminJsonRoute } from "@/lib/admin/json-route";

type Context = { params: Promise<{ id: string }> };

/** POST /api/admin/events/delete/:id, optionally `{ "version": n }`: deleted, or cancelled with refunds. */
export const POST = adminJsonRoute("events.delete", async (actor, body, _request, { params }: Context) =>
  Response.json(await deleteEvent({ actor, eventId: (await params).id, input: body })),
);
