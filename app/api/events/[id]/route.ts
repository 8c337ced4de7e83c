import { getPublicEventById } from "@/lib/catalog/get-event";

export const dynamic = "force-dynamic";

/** GET /api/events/:id: a published event with its upcoming sessions, or 404. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const event = await getPublicEventById(id);
  if (!event) return Response.json({ error: { message: "Event not found" } }, { status: 404 });
  return Response.json(event);
}
