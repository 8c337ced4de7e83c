// What an entry of the OpenAPI document says about one route handler, and the helpers the
// area files (lib/api/openapi/*.ts) describe their answers with. Errors are always
// problem+json: `problems(...codes)` documents them from the one code → status table.
import { z } from "zod";
import { PROBLEM_CONTENT_TYPE, PROBLEMS, ZProblem, type ProblemCode } from "@/lib/http/problem";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete" | "head" | "options";

/** Who may call: alternatives, any one of which is enough. */
export type Access = "public" | "user" | "user-or-guest" | "session" | "admin" | "jobs" | "metrics" | "stripe" | "resend" | "signed-link" | "door";

export type ApiResponseSpec = {
  description: string;
  /** Validates the body (JSON content types) and documents it. */
  schema?: z.ZodType;
  /** Default: application/json when there is a schema. */
  contentType?: string;
  headers?: Record<string, { description: string; schema: z.ZodType }>;
};

export type ApiOperation = {
  method: HttpMethod;
  /** OpenAPI path template, e.g. /api/events/{id}/buy. */
  path: string;
  operationId: string;
  tag: Tag;
  summary: string;
  description?: string;
  access: Access;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  headers?: { name: string; description: string; required?: boolean; schema: z.ZodType }[];
  body?: { schema: z.ZodType; contentType?: string; description?: string; optional?: boolean };
  responses: Record<number, ApiResponseSpec>;
};

export const TAGS = {
  Buying: "Buy tickets or book a time: what is on sale, hold places, pay (the buyer's API).",
  Orders: "A saved order, its tickets and their delivery.",
  Account: "Personal API tokens. Managed with the session cookie of a signed-in user.",
  Catalog: "Published events: listing, detail and search.",
  Tickets: "PDF tickets.",
  Door: "Checking tickets in at the door: door staff (or admins) with the session cookie, or a partner's scanner with a `check_in` API token.",
  Auth: "Signing in with the Auth.js session cookie (the pages' own sign-in).",
  Payments: "Payment provider callbacks.",
  Operations: "Health, readiness, metrics and the job queue.",
  Admin: "The admin dashboard's JSON routes (admins only).",
  Development: "Only in development.",
} as const;
export type Tag = keyof typeof TAGS;

export const json = (description: string, schema: z.ZodType, headers?: ApiResponseSpec["headers"]): ApiResponseSpec => ({ description, schema, headers });
export const text = (description: string, contentType = "text/plain"): ApiResponseSpec => ({ description, contentType });
export const RetryAfter = { "Retry-After": { description: "Seconds to wait before retrying", schema: z.int().min(1) } };

/** problem+json responses for the given codes (several codes may share one status). */
export function problems(...codes: ProblemCode[]): Record<number, ApiResponseSpec> {
  return problemsWith(ZProblem, ...codes);
}

/** The same, for problems that carry a room's extension members (`schema` extends ZProblem). */
export function problemsWith(schema: z.ZodType, ...codes: ProblemCode[]): Record<number, ApiResponseSpec> {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) byStatus.set(PROBLEMS[code].status, [...(byStatus.get(PROBLEMS[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: `Problem (${list.map((code) => `\`${code}\``).join(", ")})`,
        schema,
        contentType: PROBLEM_CONTENT_TYPE,
        headers: status === 429 || status === 503 || list.includes("idempotency_in_flight") ? RetryAfter : undefined,
      },
    ]),
  );
}
