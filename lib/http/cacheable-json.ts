import { createHash } from "node:crypto";

// Public API GETs (the listing, search, an event) that a CDN or a browser may keep: a short
// shared lifetime and an ETag, so a client that has the answer gets 304 without the body.
// The data behind them is the public pages' cached data (lib/cache), the same for everyone.

/** Browsers revalidate every time (cheap with the ETag); a shared cache keeps it 30 s, then serves it stale for up to 30 s more while it refetches. */
export const PUBLIC_API_CACHE_CONTROL = "public, max-age=0, s-maxage=30, stale-while-revalidate=30";

function etagOf(body: string): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** If-None-Match holds this ETag (weak comparison, as RFC 9110 asks for GET), or `*`. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

/** A JSON answer with Cache-Control and an ETag; 304 when the client already has it. */
export function cacheableJson(request: Request, value: unknown, headers: HeadersInit = {}): Response {
  const body = JSON.stringify(value);
  const etag = etagOf(body);
  const common = new Headers(headers);
  common.set("cache-control", PUBLIC_API_CACHE_CONTROL);
  common.set("etag", etag);
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: common });
  common.set("content-type", "application/json");
  return new Response(body, { status: 200, headers: common });
}
