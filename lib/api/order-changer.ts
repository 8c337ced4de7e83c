import "server-only";
import { orderApiViewer } from "@/lib/auth/api-caller";
import { callerMayWrite } from "@/lib/auth/api-tokens";
import type { SessionUser } from "@/lib/auth/users";
import { readQuery } from "@/lib/http/json";
import { problemResponse } from "@/lib/http/problem";
import { ZOrderAccessQuery } from "./schemas";

/**
 * Who changes an order over the API (a holder, a cancellation): its buyer by a token with the
 * write scope or a session, or whoever holds its private link (`?access=`). The order's rules
 * (lib/auth/policy.ts) then decide, with the link checked against the order. `doing` completes
 * the read-only token's refusal: "…create one with the write scope to <doing>."
 */
export async function orderApiChanger(request: Request, doing: string): Promise<{ ok: true; viewer: SessionUser | null; access: string | undefined } | { ok: false; response: Response }> {
  const query = readQuery(request, ZOrderAccessQuery);
  if (!query.ok) return query;
  const who = await orderApiViewer(request, query.data.access);
  if (!who.ok) return who;
  if (query.data.access === undefined && who.caller && !(await callerMayWrite(who.caller))) {
    return { ok: false, response: problemResponse("forbidden", { detail: `This API token is read-only: create one with the write scope to ${doing}.` }) };
  }
  return { ok: true, viewer: who.caller?.user ?? null, access: query.data.access };
}
