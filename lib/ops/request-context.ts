// The request id of the work in progress, carried through awaits with AsyncLocalStorage:
// a route handler, server action or job runs inside `runWithRequestContext`, and every log
// line written inside it (lib/log.ts) carries the id. The id comes from an incoming
// `x-request-id` header (a proxy or the caller set it) or is made here, and travels on:
// the job-queue kick sends it as a header, job payloads may store it.
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export const REQUEST_ID_HEADER = "x-request-id";

export type RequestContext = {
  requestId: string;
  /** What is running: a route name, an action name, or `job:<kind>`. */
  operation?: string;
};

// One store per process even when a bundler evaluates this module more than once.
const globalStore = globalThis as unknown as { __requestContext?: AsyncLocalStorage<RequestContext> };
const storage = (globalStore.__requestContext ??= new AsyncLocalStorage<RequestContext>());

// Only ids a log search can use safely: no spaces, quotes or control characters, bounded.
const SAFE_ID = /^[A-Za-z0-9._:@-]{1,128}$/;

export function newRequestId(): string {
  return randomUUID();
}

/** A caller's id when it is well-formed, otherwise a fresh one. */
export function acceptRequestId(candidate: string | null | undefined): string {
  return candidate && SAFE_ID.test(candidate) ? candidate : newRequestId();
}

export function requestIdFromHeaders(headers: Pick<Headers, "get">): string {
  return acceptRequestId(headers.get(REQUEST_ID_HEADER));
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/**
 * For server actions: `return withActionContext("reserveTickets", async () => { ... })`.
 * Reads the request's `x-request-id` (Next's `headers()`), or makes one.
 */
export async function withActionContext<T>(operation: string, work: () => Promise<T>): Promise<T> {
  let requestId: string;
  try {
    const { headers } = await import("next/headers");
    requestId = requestIdFromHeaders(await headers());
  } catch {
    // Outside a request (a script, a test): a fresh id.
    requestId = newRequestId();
  }
  return runWithRequestContext({ requestId, operation }, work);
}

/**
 * For the job queue: run one job with the id of the request that queued it (stored in the
 * payload as `requestId`) or of the drain request, so a buyer's purchase, its ticket PDFs
 * and its email share one id in the logs.
 */
export function runJobWithContext<T>(job: { id: string; kind: string; payload: Record<string, unknown> }, work: () => T): T {
  const fromPayload = typeof job.payload.requestId === "string" ? job.payload.requestId : undefined;
  const requestId = acceptRequestId(fromPayload ?? currentRequestId() ?? job.id);
  return runWithRequestContext({ requestId, operation: `job:${job.kind}` }, work);
}

/** Headers to send on an internal call (the queue kick) so the callee logs the same id. */
export function requestIdHeaders(): Record<string, string> {
  const requestId = currentRequestId();
  return requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
}
