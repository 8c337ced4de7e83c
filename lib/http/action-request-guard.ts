// Server actions that Next itself would refuse with a bare 500 (a cross-origin POST, a body
// over serverActions.bodySizeLimit) are answered here first with the right status and a
// sentence that says what happened. Next still checks both; this only decides the answer.

/** Must equal serverActions.bodySizeLimit in next.config.mjs (a test keeps them equal). */
export const SERVER_ACTION_BODY_LIMIT = "6mb";
export const SERVER_ACTION_BODY_LIMIT_BYTES = 6 * 1024 * 1024;

type RequestLike = { method: string; headers: Pick<Headers, "get"> };

/** The headers of these plain-text refusals (also sent by the page body gate, lib/http/page-body-gate.ts). */
export const REFUSAL_HEADERS = { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" };
export const TOO_LARGE_SENTENCE = `Content too large: send at most ${SERVER_ACTION_BODY_LIMIT} (images up to 5 MB).`;

function text(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: REFUSAL_HEADERS });
}

/** A ready 403/413 for a POST to a page (a server action) that Next would fail with a 500; else null. */
export function refuseBadActionRequest(request: RequestLike): Response | null {
  if (request.method !== "POST") return null;
  const origin = request.headers.get("origin");
  if (origin === "null") {
    // A sandboxed frame, a data: page or a redirect across sites: Next cannot compare it either.
    return text(403, "Forbidden: this form was sent from a page without a site of its own. Open the page on this site and try again.");
  }
  if (origin) {
    // The same comparison Next makes: Origin's host against X-Forwarded-Host, else Host.
    const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
    let originHost: string | null = null;
    try {
      originHost = new URL(origin).host;
    } catch {
      originHost = null;
    }
    if (!host || originHost !== host) {
      return text(403, "Forbidden: this form was sent from another site. Open the page on this site and try again.");
    }
  }
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > SERVER_ACTION_BODY_LIMIT_BYTES) {
    return text(413, TOO_LARGE_SENTENCE);
  }
  return null;
}
