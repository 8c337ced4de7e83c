// Runs before every page request (not /api, not static files):
//  - a fresh nonce per response, in the Content-Security-Policy Next reads from the request
//    (it then puts the nonce on its own scripts) and in the one the browser gets;
//  - server actions Next would answer with a bare 500 (cross-origin, too large) get a clear
//    403 / 413 instead (lib/http/action-request-guard.ts);
//  - the store's language (next-intl): `/pt/...` is read in Portuguese, an unprefixed URL in
//    English unless the NEXT_LOCALE cookie or Accept-Language asks for another language, in
//    which case the reader is redirected to its prefix. The admin dashboard and the door
//    scanner (staff tools) are not localised.
import createIntlMiddleware from "next-intl/middleware";
import { NextResponse, type NextRequest } from "next/server";
import { refuseBadActionRequest } from "@/lib/http/action-request-guard";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";
import { routing } from "@/lib/i18n/routing";

// eslint-disable-next-line no-restricted-properties -- inlined at build, like in next.config.mjs; not a runtime setting
const dev = process.env.NODE_ENV !== "production";

const localise = createIntlMiddleware(routing);

/** Staff pages (the admin dashboard, the door scanner) stay English and unprefixed; so does the sign-out route. */
function isUnlocalised(pathname: string): boolean {
  return pathname === "/admin" || pathname.startsWith("/admin/") || pathname === "/check-in" || pathname === "/sign-out";
}

export function proxy(request: NextRequest) {
  const refused = refuseBadActionRequest(request);
  if (refused) return refused;
  const policy = contentSecurityPolicy({ nonce: newNonce(), dev });
  let response: NextResponse;
  if (isUnlocalised(request.nextUrl.pathname)) {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("content-security-policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  } else {
    // next-intl forwards a copy of the request's headers (adding the locale) to the page it
    // rewrites or passes to, so the policy set here reaches Next's renderer with them.
    request.headers.set("content-security-policy", policy);
    response = localise(request);
  }
  response.headers.set("content-security-policy", policy);
  return response;
}

// Every page path, prefetches included (an English prefetch of `/events/x` must be rewritten
// to its [locale] page too); not the API, Next's files, or files in public/ (a dot in the path).
export const config = {
  matcher: ["/((?!api/|_next/|images/|favicon.ico|robots.txt|sitemap.xml|.*\\..*).*)"],
};
