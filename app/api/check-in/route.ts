import { readJsonBody } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { requireDoor, verdictResponse } from "@/lib/check-in/api";
import { checkInTicket } from "@/lib/check-in/check-in-ticket";
import { ZCheckInRequest } from "@/lib/check-in/schemas";

export const dynamic = "force-dynamic";

/** One scan at the door: admitted once, whatever other doors do at the same moment. */
export const POST = withApiErrors("check_in", async (request: Request) => {
  const body = await readJsonBody(request, ZCheckInRequest);
  if (!body.ok) return body.response;
  const door = await requireDoor(request, body.data.sessionId);
  if (!door.ok) return door.response;
  return verdictResponse(await checkInTicket({ staff: door.staff, session: door.session, code: body.data.code, door: body.data.door }));
});
