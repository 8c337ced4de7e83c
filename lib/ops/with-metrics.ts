import "server-only";
import { childLogger } from "@/lib/log";
import { observeHttpRequest } from "./metrics";
import { REQUEST_ID_HEADER, requestIdFromHeaders, runWithRequestContext } from "./request-context";

const log = childLogger({ module: "http" });

/**
 * Wraps a route handler: request count and latency under a fixed route name (never the raw
 * URL, which would explode the label set), a request id for everything the handler logs
 * (from `x-request-id` or new) echoed on the response, and one log line per failure.
 *
 *   export const POST = withMetrics("jobs_run", async (request) => { ... });
 */
export function withMetrics<Context>(
  route: string,
  handler: (request: Request, context: Context) => Response | Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const started = performance.now();
    const requestId = requestIdFromHeaders(request.headers);
    let status = 500;
    try {
      const response = await runWithRequestContext({ requestId, operation: route }, () => handler(request, context));
      status = response.status;
      try {
        response.headers.set(REQUEST_ID_HEADER, requestId);
      } catch {
        // Response.redirect() and fetched responses have immutable headers.
      }
      return response;
    } catch (error) {
      // Next's redirect()/notFound() throw on purpose; they are not failures of the route.
      const digest = (error as { digest?: unknown } | null)?.digest;
      if (typeof digest === "string" && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test(digest)) {
        status = digest.startsWith("NEXT_REDIRECT") ? 307 : Number(digest.split(";")[1]) || 404;
      } else {
        runWithRequestContext({ requestId, operation: route }, () =>
          log.error({ err: error, route, method: request.method }, "route handler failed"),
        );
      }
      throw error;
    } finally {
      const seconds = (performance.now() - started) / 1000;
      observeHttpRequest({ route, method: request.method, status }, seconds);
      if (status >= 500) log.warn({ requestId, route, method: request.method, status, ms: Math.round(seconds * 1000) }, "request answered 5xx");
    }
  };
}
