import { createEvent } from "@/lib/admin/events/create-event";
import { adminJsonRoute } from "@/lib/admin/json-route";

/** POST /api/admin/events/create: the event as JSON (lib/admin/events/schemas.ts, with `imagePath`). */
export const POST = adminJsonRoute("events.create", async (actor, body) => {
  const saved = await createEvent({ actor, input: body });
  return Response.json({ event: saved }, { status: 201 });
});
