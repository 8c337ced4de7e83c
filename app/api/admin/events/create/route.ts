import { createEvent } from "@/lib/admin/create-event";
import { adminJsonRoute } from "@/lib/admin/json-route";

/** POST /api/admin/events/create: the event as JSON (lib/admin/schemas.ts, with `imagePath`). */
export async function POST(request: Request) {
  return adminJsonRoute(request, "events.create", async (actor, body) => {
    const saved = await createEvent({ actor, input: body });
    return Response.json({ event: saved }, { status: 201 });
  });
}
