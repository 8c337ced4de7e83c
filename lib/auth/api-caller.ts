import "server-only";
import { currentUser } from "@/lib/auth";
import { problemResponse } from "@/lib/http/problem";
import { findUserByApiToken } from "./api-tokens";
import type { ApiCaller } from "./api-caller-type";
import { CALLER_HANDOFF_HEADER, takeHandedCaller } from "./caller-handoff";
import { canManageTokens, canUseTokenScope, type ApiTokenScope, type TokenUse } from "./policy";

export type { ApiCaller };

export type AuthenticationResult = { ok: true; caller: ApiCaller } | { ok: false; response: Response };

// Auth.js's session cookie (chunked as `.0`, `.1` when large; `__Secure-` over HTTPS).
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?authjs\.session-token(?:\.\d+)?=/;

/**
 * Who is calling: `Authorization: Bearer <token>` when present (a bad, unknown or revoked
 * token is 401, never a fallback to the cookie), else the Auth.js session cookie, the same
 * one the pages use. Without either: null. A request without the cookie never reaches
 * Auth.js, which also keeps this usable outside a Next request (scripts, tests).
 */
export async function authenticateApiRequest(request: Request): Promise<ApiCaller | null> {
  // Already looked up by the purchase gate of this process (lib/auth/caller-handoff.ts).
  const handed = takeHandedCaller(request.headers.get(CALLER_HANDOFF_HEADER));
  if (handed) return handed;
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return null;
    const user = await findUserByApiToken(match[1]);
    if (!user) return null;
    const { tokenId, tokenScope, ...sessionUser } = user;
    return { user: sessionUser, via: "token", tokenId, scope: tokenScope };
  }
  if (!SESSION_COOKIE.test(request.headers.get("cookie") ?? "")) return null;
  const user = await currentUser();
  return user ? { user, via: "session" } : null;
}

/**
 * The caller, or a ready 401 problem. `sessionOnly` refuses bearer tokens with a 403.
 * `checkIn` is for the door routes: the session, or a `check_in` token, and no other token;
 * a `check_in` token is refused everywhere else.
 */
export async function requireApiCaller(request: Request, options: { sessionOnly?: boolean; checkIn?: boolean } = {}): Promise<AuthenticationResult> {
  const caller = await authenticateApiRequest(request);
  if (!caller) {
    const hadCredentials = request.headers.has("authorization");
    return {
      ok: false,
      response: problemResponse("unauthenticated", {
        detail: hadCredentials
          ? "This API token is not valid: it is unknown, malformed or revoked."
          : "Send Authorization: Bearer <token> (create one at /account/tokens) or sign in.",
        headers: hadCredentials ? { "www-authenticate": 'Bearer realm="api", error="invalid_token"' } : {},
      }),
    };
  }
  // Anything that changes state (buying, paying) is a write.
  const use: TokenUse = options.checkIn ? "check_in" : request.method === "GET" || request.method === "HEAD" ? "read" : "write";
  if (caller.via === "token" && !canUseTokenScope(caller.scope, use)) {
    return { ok: false, response: problemResponse("forbidden", { detail: tokenRefusal(caller.scope, use) }) };
  }
  if (options.sessionOnly && !canManageTokens(caller.via)) {
    return { ok: false, response: problemResponse("forbidden", { detail: "API tokens are managed with the session cookie of a signed-in user, not with a token." }) };
  }
  return { ok: true, caller };
}

function tokenRefusal(scope: ApiTokenScope, use: TokenUse): string {
  if (use === "check_in") return "Checking tickets in takes a token with the check_in scope (or the session of door staff).";
  if (scope === "check_in") return "A check_in token only checks tickets in at the door.";
  return "This API token is read-only. Create a token with write access to buy or pay.";
}

/**
 * Who asks about an order over the API: with a private link (`access`), whoever sends it (a
 * signed-in caller too, or nobody); without one, a known caller is required (401). The order's
 * own rules (lib/auth/policy.ts) then decide, with the link checked against the order.
 */
export async function orderApiViewer(request: Request, access: string | undefined): Promise<{ ok: true; caller: ApiCaller | null } | { ok: false; response: Response }> {
  if (access !== undefined) return { ok: true, caller: await authenticateApiRequest(request) };
  const auth = await requireApiCaller(request);
  return auth.ok ? { ok: true, caller: auth.caller } : auth;
}
