import "server-only";
import { requireApiCaller } from "@/lib/auth/api-caller";
import { jsonResponse } from "@/lib/http/json";
import { problemResponse, problemResponseFromRefusal } from "@/lib/http/problem";
import { CheckInRefusal } from "./refusal";
import { doorAccess, type DoorSession, type DoorStaff } from "./staff";
import type { Verdict } from "./verdict";

/**
 * The door staff calling a check-in route, and the session they ask about: the session cookie
 * or a `check_in` token (lib/auth/api-caller.ts); 401 without, 404 for a session they may not
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
  return problemResponseFromRefusal(new CheckInRefusal(verdict));
}
