import { requireApiCaller } from "@/lib/auth/api-caller";
import { jsonResponse } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { doorSessionJson } from "@/lib/check-in/door-list";
import { listDoorSessions } from "@/lib/check-in/staff";

export const dynamic = "force-dynamic";

/** The sessions the caller may check tickets in for, on now or within two weeks. */
export const GET = withApiErrors("check_in_sessions", async (request: Request) => {
  const auth = await requireApiCaller(request, { checkIn: true });
  if (!auth.ok) return auth.response;
  const sessions = await listDoorSessions(auth.caller.user);
  return jsonResponse({ sessions: (sessions ?? []).map(doorSessionJson) });
});
