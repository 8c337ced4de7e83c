import { withApiErrors } from "@/lib/http/with-api-errors";
import { invalidQueryProblem } from "@/lib/http/problem";
import { createAvailabilityStream } from "@/lib/realtime/availability-stream";
import { parseAvailabilityFilter, parseLastEventId } from "@/lib/realtime/types";

export const dynamic = "force-dynamic";

/**
 * GET /api/stream[?event=<id> | ?sessions=<id>,<id>]: Server-Sent Events of remaining places.
 * `id:` is the change number; a reconnect's `Last-Event-ID` resumes after it.
 */
export const GET = withApiErrors("stream", async (request: Request) => {
  const params = new URL(request.url).searchParams;
  const parsed = parseAvailabilityFilter(params, { required: false });
  if (!parsed.ok) return invalidQueryProblem(parsed.parameter, parsed.message);
  const stream = createAvailabilityStream({
    filter: parsed.filter,
    lastEventId: parseLastEventId(request.headers.get("last-event-id") ?? params.get("lastEventId")),
    request,
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: compression (Next's included) would buffer the events.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
    },
  });
});
