import { withApiErrors } from "@/lib/api/http";
import { problemResponse } from "@/lib/api/problem";
import { getPublicEventById } from "@/lib/catalog/get-event";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/events/:id: a published event with its upcoming sessions, or 404. */
export const GET = withApiErrors("event", async (_request: Request, { params }: Context) => {
  const event = await getPublicEventById((await params).id);
  if (!event) return problemResponse("not_found", { detail: "Event not found." });
  return Response.json(event);
});
