// Every JSON API request has a deadline. Each wait the database can impose is bounded on its
// own (a free pooled connection: DATABASE_CONNECT_TIMEOUT_MS; a statement with its lock
// waits: DATABASE_STATEMENT_TIMEOUT_MS; an answer that never comes on a half-open
// connection: the statement timeout plus 2 s, lib/db/pool.ts), but a request runs several
// statements one after the other, and a hung network only shows at the end of each. So the
// request as a whole gets one deadline too: past it the caller is answered 503 `unavailable`
// with Retry-After, which says "retry; with the same Idempotency-Key that is safe", rather
// than being held for minutes or seeing a 500. The work itself cannot be stopped from here:
// it goes on until its own statements time out, and whatever it does then (commit or fail)
// is what a retry with the same key finds (lib/api/idempotency.ts).
import { env } from "@/lib/env";
import { logError } from "@/lib/log";
import { problemResponse } from "./problem";

/** The deadline's margin over the statement timeout, when REQUEST_DEADLINE_MS is unset. */
export const DEADLINE_MARGIN_MS = 5_000;
/** Retry-After of a request that ran out of time: the work may still be finishing. */
const RETRY_AFTER_SECONDS = 3;

export function requestDeadlineMs(): number {
  const settings = env();
  return settings.REQUEST_DEADLINE_MS ?? settings.DATABASE_STATEMENT_TIMEOUT_MS + DEADLINE_MARGIN_MS;
}

/** `detail`: what the route tells a caller who should retry (the buying routes: "with the same Idempotency-Key…"). */
export function deadlinePassedResponse(detail = "We could not finish in time. Please try again shortly."): Response {
  const retryAfterSeconds = RETRY_AFTER_SECONDS + Math.floor(Math.random() * 3);
  return problemResponse("unavailable", { detail, retryAfterSeconds });
}

/**
 * `answer` (the handler's, errors included) if it settles within `deadlineMs`, else the 503.
 * A late failure of the abandoned work is logged, never left as an unhandled rejection.
 */
export async function answerWithinDeadline(answer: Promise<Response>, deadlineMs: number, context: { name: string; request: Request; detail?: string }): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const passed = new Promise<"passed">((resolve) => {
    timer = setTimeout(() => resolve("passed"), deadlineMs);
  });
  try {
    const first = await Promise.race([answer, passed]);
    if (first !== "passed") return first;
  } finally {
    clearTimeout(timer);
  }
  const { method, url } = context.request;
  answer.catch((error) => logError(`api ${context.name} failed after its deadline`, error, { method, path: new URL(url).pathname }));
  logError(`api ${context.name} passed its deadline`, new Error(`no answer within ${deadlineMs} ms`), { method, path: new URL(url).pathname });
  return deadlinePassedResponse(context.detail);
}
