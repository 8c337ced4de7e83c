import { jsonResponse, readJsonBody } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { requireDoor } from "@/lib/check-in/api";
import { ZUploadScansRequest } from "@/lib/check-in/schemas";
import { uploadScans } from "@/lib/check-in/upload-scans";

export const dynamic = "force-dynamic";

/** Admissions a scanner made offline: each replayed once; those that did not stand come back as conflicts. */
export const POST = withApiErrors("check_in_upload", async (request: Request) => {
  const body = await readJsonBody(request, ZUploadScansRequest);
  if (!body.ok) return body.response;
  const door = await requireDoor(request, body.data.sessionId);
  if (!door.ok) return door.response;
  return jsonResponse({ results: await uploadScans({ staff: door.staff, session: door.session, door: body.data.door, scans: body.data.scans }) });
});
