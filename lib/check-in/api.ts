import "server-only";
import { requireApiCaller } from "@/lib/api/authenticate";
import { jsonResponse } from "@/lib/api/http";
import { problemResponse } from "@/lib/api/problem";
import { doorAccess, type DoorSession, type DoorStaff } from "./staff";
import { REJECTION_TEXT, type Verdict } from "./verdict";

/**
 * The door staff calling a check-in route, and the session they ask about: the session cookie
 * or a `check_in` token (lib/api/authenticate.ts); 401 without, 404 for a session they may not
 * check in (or that does not exist: a stranger learns nothing).
 */
export async function requireDoor(request: Request, sessionId: string): Promise<{ ok: true; staff: DoorStaff; session: DoorSession } | { ok: false; response: Response }> {
  const auth = await requireApiCaller(request, { checkIn: true });
  if (!auth.ok) return auth;
  const access = await doorAccess(auth.caller.user, sessionId);
  if (!access) return { ok: false, response: problemResponse("not_found", { detail: "No session you may check tickets in for has this id." }) };
  return { ok: true, ...access };
}

/** A scan's answer: 200 admitted; 409 already_checked_in and 422 ticket_rejected as problems carrying the verdict. */
export function verdictResponse(verdict: Verdict): Response {
  if (verdict.result === "admitted") return jsonResponse(verdict);
  if (verdict.result === "already_checked_in") {
    return problemResponse("already_checked_in", { detail: `Checked in at ${verdict.checkIn.at} by ${verdict.checkIn.by} (${verdict.checkIn.door}).`, verdict });
  }
  return problemResponse("ticket_rejected", { detail: REJECTION_TEXT[verdict.reason], verdict });
}
