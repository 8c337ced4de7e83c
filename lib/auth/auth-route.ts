import "server-only";
// Around Auth.js's own routes (/api/auth/*), which otherwise read a body of any size and know
// nothing of the app's session versions (issue 26):
//  - a body is read with a cap, like every other route: a 300 MB chunked POST costs its
//    first chunks and gets 413;
//  - POST /api/auth/signout ends every session of the user (bumps the session version, as the
//    app's own sign-out does), so a copied cookie stops working, and asks the browser to clear
//    the pages and storage it kept (Clear-Site-Data);
//  - GET /api/auth/session answers null for a session that was ended elsewhere.
import { readBodyText, tooLargeProblem } from "@/lib/http/json";
import { CLEAR_SITE_DATA } from "./sign-out-headers";
import { sessionClaimsOf, sessionUserOfCookies } from "./session-cookie";
import { endSessions } from "./users";

/** Auth.js's forms (sign-in, sign-out, CSRF) are a few hundred bytes. */
export const AUTH_BODY_LIMIT_BYTES = 16 * 1024;

const SESSION_COOKIE_CLEARED = /^(?:__Secure-)?authjs\.session-token(?:\.\d+)?=(?:;|$)/;

type Handler = (request: Request) => Promise<Response>;

function actionOf(request: Request): string {
  return new URL(request.url).pathname.replace(/^.*\/api\/auth\//, "").replace(/\/$/, "");
}

async function withCappedBody(request: Request): Promise<Request | Response> {
  if (request.method === "GET" || request.method === "HEAD") return request;
  const body = await readBodyText(request, AUTH_BODY_LIMIT_BYTES);
  if (!body.ok) return tooLargeProblem(AUTH_BODY_LIMIT_BYTES);
  return new Request(request.url, { method: request.method, headers: request.headers, body: body.text });
}

async function signOutEverywhere(request: Request, handler: Handler): Promise<Response> {
  const claims = await sessionClaimsOf(request.headers.get("cookie"));
  const response = await handler(request);
  // Auth.js clears the cookie only once the CSRF token checked out: only then end the sessions.
  const cleared = response.headers.getSetCookie().some((cookie) => SESSION_COOKIE_CLEARED.test(cookie));
  if (!cleared) return response;
  if (claims) await endSessions(claims.userId);
  const headers = new Headers(response.headers);
  headers.set("clear-site-data", CLEAR_SITE_DATA);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function liveSession(request: Request, handler: Handler): Promise<Response> {
  const response = await handler(request);
  if (!response.ok) return response;
  const session = (await response.clone().json().catch(() => null)) as { user?: unknown } | null;
  if (!session?.user || (await sessionUserOfCookies(request.headers.get("cookie")))) return response;
  // Ended elsewhere (sign-out, a role change): the same answer as no session, and no renewed cookie.
  return Response.json(null, { headers: { "cache-control": "private, no-cache, no-store" } });
}

/** Wraps Auth.js's GET or POST handler (next-auth's `handlers`). */
export function authRoute(handler: Handler): Handler {
  return async (incoming) => {
    const request = await withCappedBody(incoming);
    if (request instanceof Response) return request;
    const action = actionOf(request);
    if (request.method === "POST" && action === "signout") return signOutEverywhere(request, handler);
    if (request.method === "GET" && action === "session") return liveSession(request, handler);
    return handler(request);
  };
}
