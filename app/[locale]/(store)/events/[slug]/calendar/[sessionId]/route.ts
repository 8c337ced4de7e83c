import { buildIcs } from "@/lib/catalog/ics";
import { getPublicEventBySlug } from "@/lib/catalog/get-event";
import { appUrl } from "@/lib/urls";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string; sessionId: string }> }) {
  const { slug, sessionId } = await params;
  const event = await getPublicEventBySlug(slug);
  const session = event?.sessions.find((candidate) => candidate.id === sessionId);
  if (!event || !session) return new Response("Not found", { status: 404 });
  const ics = buildIcs(
    { title: event.title, summary: event.summary, slug: event.slug, venueName: event.venue.name, address: event.venue.address },
    session,
    appUrl(request),
  );
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${event.slug}.ics"`,
    },
  });
}
