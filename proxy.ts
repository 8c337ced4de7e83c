// Runs before every page request (not /api, not static files):
//  - a fresh nonce per response, in the Content-Security-Policy Next reads from the request
//    (it then puts the nonce on its own scripts) and in the one the browser gets;
//  - server actions Next would answer with a bare 500 (cross-origin, too large) get a clear
//    403 / 413 instead (lib/http/action-request-guard.ts).
import { NextResponse, type NextRequest } from "next/server";
import { refuseBadActionRequest } from "@/lib/http/action-request-guard";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

// eslint-disable-next-line no-restricted-properties -- inlined at build, like in next.config.mjs; not a runtime setting
const dev = process.env.NODE_ENV !== "production";

export function proxy(request: NextRequest) {
  const refused = refuseBadActionRequest(request);
  if (refused) return refused;
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|robots.txt|sitemap.xml).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
