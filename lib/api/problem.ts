// One error shape for the JSON API: RFC 9457 problem details (`application/problem+json`).
// Every problem carries a stable machine-readable `code` (an extension member) and a `type`
// that points at its explanation on /developers, so a client branches on `code`, shows
// `detail` to people, and reads `errors` to put messages next to the fields they concern.
import { z } from "zod";
import type { AdminError, AdminErrorCode } from "@/lib/admin/errors";
import { fieldErrorsToErrors, issuesToErrors, type ProblemFieldError } from "@/lib/field-errors";
import type { OrderError, OrderErrorCode } from "@/lib/orders/errors";
import { ZVerdict } from "@/lib/check-in/schemas";

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
  // Outcomes of admin work (lib/admin AdminError codes; `invalid` is validation_failed).
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
  // Outcomes of a scan at the door (lib/check-in): the problem carries the door's `verdict`.
  already_checked_in: { status: 409, title: "Already checked in" },
  ticket_rejected: { status: 422, title: "Not a valid ticket for this door" },
} as const satisfies Record<string, { status: number; title: string }>;

export type ProblemCode = keyof typeof PROBLEMS;

// Every OrderError code has a problem of the same name; `satisfies` keeps the two lists in step.
const ORDER_ERROR_PROBLEMS = {
  invalid: "invalid",
  not_found: "not_found",
  not_in_event: "not_in_event",
  not_on_sale: "not_on_sale",
  sold_out: "sold_out",
  not_enough: "not_enough",
  too_many: "too_many",
  hold_limit: "hold_limit",
  taken: "taken",
  outside_hours: "outside_hours",
  misaligned: "misaligned",
  bad_length: "bad_length",
  in_past: "in_past",
  forbidden: "forbidden",
  not_cancellable: "not_cancellable",
  busy: "busy",
} as const satisfies Record<OrderErrorCode, ProblemCode>;

// Every AdminError code has a problem. A refusal (`forbidden`) is answered like a missing
// page: the admin API does not tell a stranger what exists.
const ADMIN_ERROR_PROBLEMS = {
  forbidden: "not_found",
  not_found: "not_found",
  invalid: "validation_failed",
  conflict: "conflict",
  overlap: "overlap",
  capacity: "capacity",
  in_use: "in_use",
  not_refundable: "not_refundable",
  busy: "busy",
} as const satisfies Record<AdminErrorCode, ProblemCode>;

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
    verdict: ZVerdict.optional().describe("Check-in problems only: what the door is told (who came in and when, or why not)"),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details, served as application/problem+json." });
export type Problem = z.infer<typeof ZProblem>;

export function problemType(code: ProblemCode): string {
  return `/developers#problem-${code}`;
}

export type ProblemOptions = {
  detail?: string;
  instance?: string;
  errors?: ProblemFieldError[];
  retryAfterSeconds?: number;
  verdict?: Problem["verdict"];
  headers?: Record<string, string>;
};

export function problemBody(code: ProblemCode, options: ProblemOptions = {}): Problem {
  const { status, title } = PROBLEMS[code];
  const body: Problem = { type: problemType(code), title, status, code };
  if (options.detail) body.detail = options.detail;
  if (options.instance) body.instance = options.instance;
  if (options.errors?.length) body.errors = options.errors;
  if (options.retryAfterSeconds !== undefined) body.retryAfterSeconds = options.retryAfterSeconds;
  if (options.verdict) body.verdict = options.verdict;
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

export function statusOfOrderError(code: OrderErrorCode): number {
  return PROBLEMS[ORDER_ERROR_PROBLEMS[code]].status;
}

/**
 * An expected outcome of buying as a problem. `pointerOf` turns the error's form field
 * (`quantity.<ticketTypeId>`, `start`, `items`) into a JSON Pointer into the request body.
 */
export function problemFromOrderError(error: OrderError, pointerOf?: (field: string) => string | undefined): Problem {
  const pointer = error.field ? pointerOf?.(error.field) : undefined;
  return problemBody(ORDER_ERROR_PROBLEMS[error.code], {
    detail: error.message,
    errors: pointer ? [{ pointer, detail: error.message }] : undefined,
    retryAfterSeconds: error.retryAfterSeconds,
  });
}

/** An expected outcome of admin work as a problem; its field errors become `errors` with JSON Pointers. */
export function problemFromAdminError(error: AdminError): Problem {
  if (error.code === "forbidden") return problemBody("not_found", { detail: "Not found." });
  return problemBody(ADMIN_ERROR_PROBLEMS[error.code], { detail: error.message, errors: fieldErrorsToErrors(error.fieldErrors) });
}

/** A bad query parameter (400), named both in `detail` and as the `errors` pointer. */
export function invalidQueryProblem(parameter: string, message: string): Response {
  return problemResponse("invalid_query", { detail: message, errors: [{ pointer: parameter, detail: message }] });
}

export function validationProblem(issues: readonly z.core.$ZodIssue[], detail = "Check the highlighted fields."): Response {
  return problemResponse("validation_failed", { detail, errors: issuesToErrors(issues) });
}
