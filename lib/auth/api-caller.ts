import "server-only";
import { currentUser } from "@/lib/auth";
import type { SessionUser } from "@/lib/auth/users";
import { problemResponse } from "@/lib/http/problem";
import { findUserByApiToken, type ApiTokenScope } from "./api-tokens";

export type ApiCaller =
  | { user: SessionUser; via: "token"; tokenId: string; readOnly: boolean; scope: ApiTokenScope }
  | { user: SessionUser; via: "session" };

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
  const authorization = request.headers.get("authorization");
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) return null;
    const user = await findUserByApiToken(match[1]);
    if (!user) return null;
    const { tokenId, tokenScope, ...sessionUser } = user;
    return { user: sessionUser, via: "token", tokenId, readOnly: tokenScope !== "write", scope: tokenScope };
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
  if (caller.via === "token" && (caller.scope === "check_in") !== Boolean(options.checkIn)) {
    return {
      ok: false,
      response: problemResponse("forbidden", {
        detail: options.checkIn ? "Checking tickets in takes a token with the check_in scope (or the session of door staff)." : "A check_in token only checks tickets in at the door.",
      }),
    };
  }
  if (options.checkIn) return { ok: true, caller };
  // A read-only token reads; anything that changes state (buying, paying) needs a write token.
  if (caller.via === "token" && caller.readOnly && request.method !== "GET" && request.method !== "HEAD") {
    return { ok: false, response: problemResponse("forbidden", { detail: "This API token is read-only. Create a token with write access to buy or pay." }) };
  }
  if (options.sessionOnly && caller.via !== "session") {
    // A token cannot mint or revoke tokens: a leaked token must not be able to entrench itself.
    return { ok: false, response: problemResponse("forbidden", { detail: "API tokens are managed with the session cookie of a signed-in user, not with a token." }) };
  }
  return { ok: true, caller };
}
