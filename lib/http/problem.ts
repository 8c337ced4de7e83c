// One error shape for the JSON API: RFC 9457 problem details (`application/problem+json`).
// Every problem carries a stable machine-readable `code` (an extension member) and a `type`
// that points at its explanation on /developers, so a client branches on `code`, shows
// `detail` to people, and reads `errors` to put messages next to the fields they concern.
// Refusals from every room (lib/errors/refusal.ts) are answered by their code, so this module
// knows no room: a new outcome is a code in RefusalCode and its line here.
import { z } from "zod";
import { fieldErrorsToErrors, issuesToErrors, type ProblemFieldError } from "@/lib/errors/field-errors";
import type { Refusal, RefusalCode } from "@/lib/errors/refusal";

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

/**
 * Status codes as RFC 9110 / 6585 use them:
 * 400 the request could not be read (not JSON, a malformed header or query parameter);
 * 401 no or bad credentials; 403 credentials fine but not allowed this way; 404 nothing here
 * for you (also someone else's order); 409 the current state forbids it (sold out, taken,
 * in flight); 413 too large; 415 not JSON; 422 well-formed JSON whose content breaks the schema or a rule;
 * 429 too many requests; 500 our fault; 503 too busy right now (with Retry-After: a retry is safe).
 */
export const PROBLEMS = {
  malformed_request: { status: 400, title: "The request could not be read" },
  invalid_query: { status: 400, title: "A query parameter is invalid" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Not allowed" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  request_timeout: { status: 408, title: "The request body did not arrive in time" },
  content_too_large: { status: 413, title: "The request body is too large" },
  unsupported_media_type: { status: 415, title: "Send JSON" },
  validation_failed: { status: 422, title: "The request content is invalid" },
  not_in_event: { status: 422, title: "Not part of this event" },
  idempotency_key_reused: { status: 422, title: "Idempotency key already used for another request" },
  idempotency_in_flight: { status: 409, title: "A request with this idempotency key is in progress" },
  too_many_tokens: { status: 409, title: "Too many API tokens" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Something went wrong on our side" },
  busy: { status: 503, title: "Very busy right now: try again shortly" },
  unavailable: { status: 503, title: "Temporarily unavailable: try again later" },
  // A fair on-sale's line (lib/sale-line): the problem carries the buyer's `line`.
  in_line: { status: 503, title: "Waiting in line for the on-sale" },
  // Outcomes of admin work (lib/admin AdminError codes; a bad form is validation_failed).
  conflict: { status: 409, title: "Changed in the meantime" },
  overlap: { status: 409, title: "Overlaps another session" },
  capacity: { status: 409, title: "Below the places already taken" },
  in_use: { status: 409, title: "Still in use" },
  not_refundable: { status: 409, title: "Cannot be refunded" },
  // Outcomes of buying (lib/orders OrderError codes).
  invalid: { status: 422, title: "The order is invalid" },
  too_many: { status: 422, title: "Over the per-order limit" },
  outside_hours: { status: 422, title: "Outside opening hours" },
  misaligned: { status: 422, title: "Not a slot start" },
  bad_length: { status: 422, title: "Length not allowed" },
  in_past: { status: 422, title: "In the past" },
  sold_out: { status: 409, title: "Sold out" },
  not_enough: { status: 409, title: "Not enough places left" },
  hold_limit: { status: 409, title: "Too many places held unpaid" },
  taken: { status: 409, title: "Already booked" },
  not_on_sale: { status: 409, title: "Not on sale" },
  not_cancellable: { status: 409, title: "Cannot be cancelled" },
  price_changed: { status: 409, title: "The price changed since the quote" },
  rules_changed: { status: 409, title: "The booking rules changed since the quote" },
  holder_locked: { status: 409, title: "The ticket's holder can no longer be changed" },
  not_on_sale_yet: { status: 409, title: "Not on sale yet" },
  voucher_invalid: { status: 422, title: "The code cannot be used" },
  // Outcomes of the waiting list (lib/waitlist WaitlistError codes).
  has_places: { status: 409, title: "There are places: buy them instead of waiting" },
  already_waiting: { status: 409, title: "Already on this waiting list" },
  no_places: { status: 409, title: "Not enough free places for an offer" },
  // Outcomes of a scan at the door (lib/check-in): the problem carries the door's `verdict`.
  already_checked_in: { status: 409, title: "Already checked in" },
  ticket_rejected: { status: 422, title: "Not a valid ticket for this door" },
} as const satisfies Record<string, ProblemType> & Record<RefusalCode, ProblemType>;
// The `Record<RefusalCode, …>` above is the compile-time check that every refusal code of
// every room has its problem.

type ProblemType = { status: number; title: string };
export type ProblemCode = keyof typeof PROBLEMS;

export const ZProblemFieldError = z.object({
  /** JSON Pointer (RFC 6901) into the request body, or the query parameter's name. */
  pointer: z.string(),
  detail: z.string(),
});

export const ZProblem = z
  .object({
    type: z.string().describe("URI reference of the problem type; its explanation is on /developers"),
    title: z.string(),
    status: z.int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.enum(Object.keys(PROBLEMS) as [ProblemCode, ...ProblemCode[]]),
    errors: z.array(ZProblemFieldError).optional(),
    retryAfterSeconds: z.int().optional(),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details, served as application/problem+json." });
/** A problem, with the extension members a room adds (the door's `verdict`: lib/check-in/schemas.ts documents it). */
export type Problem = z.infer<typeof ZProblem> & { [extension: string]: unknown };

export function problemType(code: ProblemCode): string {
  return `/developers#problem-${code}`;
}

export type ProblemOptions = {
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
  retryAfterSeconds?: number;
  /** Extension members (RFC 9457 §3.2); the standard members above always win. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
};

export function problemBody(code: ProblemCode, options: ProblemOptions = {}): Problem {
  const { status, title } = PROBLEMS[code];
  const body: Problem = { type: problemType(code), title, status, code };
  if (options.detail) body.detail = options.detail;
  if (options.instance) body.instance = options.instance;
  if (options.errors?.length) body.errors = options.errors;
  if (options.retryAfterSeconds !== undefined) body.retryAfterSeconds = options.retryAfterSeconds;
  for (const [name, value] of Object.entries(options.extensions ?? {})) if (!(name in body)) body[name] = value;
  return body;
}

/** A problem+json Response; body and status come from one place, so they never disagree. */
export function problemResponse(code: ProblemCode, options: ProblemOptions = {}): Response {
  return problemResponseFromBody(problemBody(code, options), options.headers);
}

export function problemResponseFromBody(body: Problem, extraHeaders: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { "content-type": PROBLEM_CONTENT_TYPE, "cache-control": "no-store", ...extraHeaders };
  if (body.retryAfterSeconds !== undefined) headers["retry-after"] = String(body.retryAfterSeconds);
  if (body.status === 401) headers["www-authenticate"] ??= 'Bearer realm="api"';
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

/**
 * A refusal from any room as its problem: the problem of its code, its message as `detail`,
 * its field errors as `errors` (`pointerOf` turns a form field, `quantity.<ticketTypeId>`,
 * into a JSON Pointer into the request body; by default the field's dotted path is the pointer).
 * A concealed refusal is told as a plain `not_found`.
 */
export function problemFromRefusal(refusal: Refusal, pointerOf?: (field: string) => string | undefined): Problem {
  if (refusal.concealed) return problemBody("not_found", { detail: "Not found." });
  const errors = pointerOf
    ? Object.entries(refusal.fieldErrors ?? {}).flatMap(([field, detail]) => {
        const pointer = pointerOf(field);
        return pointer === undefined ? [] : [{ pointer, detail }];
      })
    : fieldErrorsToErrors(refusal.fieldErrors);
  return problemBody(refusal.code, { detail: refusal.message, errors, retryAfterSeconds: refusal.retryAfterSeconds, extensions: refusal.extensions });
}

export function problemResponseFromRefusal(refusal: Refusal): Response {
  return problemResponseFromBody(problemFromRefusal(refusal));
}

/** 429 with Retry-After: too many `what` (purchase attempts, new tokens) for now. */
export function rateLimitedProblem(retryAfterSeconds: number, what: string): Response {
  return problemResponse("rate_limited", {
    detail: `Too many ${what}. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
    retryAfterSeconds,
  });
}

/** A bad query parameter (400), named both in `detail` and as the `errors` pointer. */
export function invalidQueryProblem(parameter: string, message: string): Response {
  return problemResponse("invalid_query", { detail: message, errors: [{ pointer: parameter, detail: message }] });
}

export function validationProblem(issues: readonly z.core.$ZodIssue[], detail = "Check the highlighted fields."): Response {
  return problemResponse("validation_failed", { detail, errors: issuesToErrors(issues) });
}
