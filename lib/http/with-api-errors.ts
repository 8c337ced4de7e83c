// Every route handler under /api answers problem+json, whatever it throws.
import { isDatabaseBusy } from "@/lib/errors/database";
import { isRefusal } from "@/lib/errors/refusal";
import { logError } from "@/lib/log";
import { problemResponse, problemResponseFromRefusal } from "./problem";
import { answerWithinDeadline, requestDeadlineMs } from "./request-deadline";

const INTERNAL_ERROR_DETAIL = "Something went wrong on our side; nothing was changed. Please try again.";
/** How long a client should wait after the database was busy or out of reach: a restart takes seconds. */
export const DATABASE_RETRY_SECONDS = 2;

/** The 500's detail on the buying routes, where a retry with the same Idempotency-Key is safe. */
export const BUYING_INTERNAL_ERROR_DETAIL = "Nothing was charged. Please try again; with the same Idempotency-Key a retry is safe.";

/** Next's redirect()/notFound() throw on purpose; they must reach Next, not become a 500. */
function isNextControlFlow(error: unknown): boolean {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK)/.test(digest);
}

/**
 * The one wrapper of every route handler under /api: an expected outcome that escapes (a
 * Refusal: OrderError from lib/orders, AdminError from lib/admin…) becomes its problem
 * (404/409/422/503), anything else is logged with context and answered with a generic 500
 * problem, so a client always gets problem+json (./problem.ts), never an HTML error page or
 * another shape. `internalDetail` is what a 500 tells the caller (buying: "nothing was charged").
 * No answer takes longer than the request deadline (./request-deadline.ts): past it, a
 * retryable 503. `deadlineMs: null` is for work bounded by its own budget (the job drain).
 */
export function withApiErrors<Context>(
  name: string,
  handler: (request: Request, context: Context) => Response | Promise<Response>,
  options: { internalDetail?: string; retryDetail?: string; deadlineMs?: number | null } = {},
): (request: Request, context?: Context) => Promise<Response> {
  // Next always passes the context; a route without params may be called without it (tests).
  return async (request, context) => {
    try {
      const answer = (async () => handler(request, context as Context))();
      const deadlineMs = options.deadlineMs === undefined ? requestDeadlineMs() : options.deadlineMs;
      return await (deadlineMs === null ? answer : answerWithinDeadline(answer, deadlineMs, { name, request, detail: options.retryDetail }));
    } catch (error) {
      if (isNextControlFlow(error)) throw error;
      if (isRefusal(error)) return problemResponseFromRefusal(error);
      // Busy, or the connection was lost: a retry is the answer, not a 500 (issue 34).
      if (isDatabaseBusy(error)) {
        logError(`api ${name}: database busy or out of reach`, error, { method: request.method, path: new URL(request.url).pathname });
        return problemResponse("unavailable", { retryAfterSeconds: DATABASE_RETRY_SECONDS, detail: options.retryDetail });
      }
      logError(`api ${name} failed`, error, { method: request.method, path: new URL(request.url).pathname });
      return problemResponse("internal_error", { detail: options.internalDetail ?? INTERNAL_ERROR_DETAIL });
    }
  };
}
