// The OpenAPI 3.1 document of every route under app/api, generated from the zod schemas
// that validate the routes' input and describe their answers (z.toJSONSchema; OpenAPI 3.1
// schemas are JSON Schema 2020-12, zod's default target). The operations are described one
// file per area in lib/api/openapi/; adding a route means adding an entry there:
// lib/api/openapi.integration.test.ts walks app/api/**/route.ts and fails for any route file
// or exported method that is missing here.
import { z } from "zod";
import { PROBLEMS } from "@/lib/http/problem";
import { ADMIN_OPERATIONS } from "./openapi/admin";
import { ADMIN_VENUE_OPERATIONS } from "./openapi/admin-venues";
import { ADMIN_VOUCHER_OPERATIONS } from "./openapi/admin-vouchers";
import { AUTH_OPERATIONS } from "./openapi/auth";
import { BUYING_OPERATIONS } from "./openapi/buying";
import { WAITLIST_OPERATIONS } from "./openapi/waitlist";
import { CATALOG_OPERATIONS } from "./openapi/catalog";
import { DEVELOPMENT_OPERATIONS } from "./openapi/development";
import { LINE_OPERATIONS } from "./openapi/line";
import { problems, TAGS, type Access, type ApiOperation, type HttpMethod } from "./openapi/operation";
import { OPERATIONS_OPERATIONS } from "./openapi/operations";
import { PAYMENTS_OPERATIONS } from "./openapi/payments";
import { TICKETS_OPERATIONS } from "./openapi/tickets";
import { CHECK_IN_OPERATIONS } from "./openapi/check-in";
import { CALENDAR_OPERATIONS } from "./openapi/calendar";

export { TAGS, type Access, type ApiOperation, type ApiResponseSpec, type HttpMethod, type Tag } from "./openapi/operation";

/**
 * Every route handler under /api runs inside withApiErrors (lib/http/with-api-errors.ts), which answers
 * anything unexpected with the internal_error problem: every operation documents it. Auth.js
 * answers its own routes.
 */
function withWrapperProblems(operation: ApiOperation): ApiOperation {
  if (operation.tag === "Auth" || operation.responses[500]) return operation;
  return { ...operation, responses: { ...operation.responses, ...problems("internal_error") } };
}

export const API_OPERATIONS: ApiOperation[] = [
  ...BUYING_OPERATIONS,
  ...WAITLIST_OPERATIONS,
  ...LINE_OPERATIONS,
  ...CATALOG_OPERATIONS,
  ...TICKETS_OPERATIONS,
  ...CALENDAR_OPERATIONS,
  ...CHECK_IN_OPERATIONS,
  ...AUTH_OPERATIONS,
  ...PAYMENTS_OPERATIONS,
  ...OPERATIONS_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...ADMIN_VOUCHER_OPERATIONS,
  ...ADMIN_VENUE_OPERATIONS,
  ...DEVELOPMENT_OPERATIONS,
].map(withWrapperProblems);

/** Routes that exist but are not described operation by operation, and why. */
export const EXCLUDED_ROUTES: { path: string; reason: string }[] = [
  {
    path: "/api/auth/*",
    reason:
      "Auth.js's own endpoints (providers, signin, callback, signout, session, csrf) serve the pages' sign-in flow and follow Auth.js's protocol; the ones an API client may use are listed under Auth. Scripts should use a personal API token instead.",
  },
];

// ── The document ─────────────────────────────────────────────────────────────────────────

type JsonSchema = Record<string, unknown>;
type Io = "input" | "output";

const SECURITY_SCHEMES = {
  apiToken: {
    type: "http",
    scheme: "bearer",
    description: "A personal API token (`lt_…`), created at /account/tokens. Revoked tokens get 401.",
  },
  sessionCookie: {
    type: "apiKey",
    in: "cookie",
    name: "authjs.session-token",
    description: "The Auth.js session cookie of a signed-in user (`__Secure-authjs.session-token` over HTTPS).",
  },
  jobsSecret: { type: "http", scheme: "bearer", description: "JOBS_SECRET (required in production, distinct from every other secret)." },
  metricsToken: { type: "http", scheme: "bearer", description: "METRICS_TOKEN." },
  stripeSignature: { type: "apiKey", in: "header", name: "Stripe-Signature", description: "Stripe's webhook signature (STRIPE_WEBHOOK_SECRET)." },
  resendSignature: {
    type: "apiKey",
    in: "header",
    name: "svix-signature",
    description: "Resend's webhook signature (Standard Webhooks: with svix-id and svix-timestamp; RESEND_WEBHOOK_SECRET).",
  },
} as const;

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  public: [],
  user: [{ apiToken: [] }, { sessionCookie: [] }],
  // A token or a session buys for its account; none, with `buyer` in the body, as a guest.
  "user-or-guest": [{ apiToken: [] }, { sessionCookie: [] }, {}],
  session: [{ sessionCookie: [] }],
  admin: [{ sessionCookie: [] }],
  jobs: [{ jobsSecret: [] }],
  metrics: [{ metricsToken: [] }],
  stripe: [{ stripeSignature: [] }],
  resend: [{ resendSignature: [] }],
  "signed-link": [],
  door: [{ apiToken: [] }, { sessionCookie: [] }],
};

class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  /** The JSON Schema of `schema`; schemas with a meta id become shared components, referenced with $ref. */
  add(schema: z.ZodType, io: Io): JsonSchema {
    const generated = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
    const { $defs, $schema: _dialect, ...root } = generated as JsonSchema & { $defs?: Record<string, JsonSchema> };
    void _dialect;
    for (const [id, definition] of Object.entries($defs ?? {})) {
      const rewritten = rewriteRefs(definition) as JsonSchema;
      const existing = this.schemas[id];
      if (existing && JSON.stringify(existing) !== JSON.stringify(rewritten)) {
        throw new Error(`Schema id "${id}" names two different schemas (an input and an output shape?): give them different ids`);
      }
      this.schemas[id] = rewritten;
    }
    return rewriteRefs(root) as JsonSchema;
  }
}

/** Points $defs references at components and drops the noise of z.int()'s safe-integer bounds. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key, item]) => !((key === "minimum" || key === "maximum") && Math.abs(item as number) === Number.MAX_SAFE_INTEGER))
      .map(([key, item]) => [
        key,
        key === "$ref" && typeof item === "string" ? item.replace(/^#\/\$defs\//, "#/components/schemas/") : rewriteRefs(item),
      ]),
  );
}

function parametersOf(components: Components, where: "path" | "query", object: z.ZodObject | undefined) {
  if (!object) return [];
  return Object.entries(object.shape).map(([name, field]) => {
    const { description, ...schema } = components.add(field as z.ZodType, "input");
    const required = where === "path" || !(field as z.ZodType).safeParse(undefined).success;
    return { name, in: where, required, ...(description ? { description } : {}), schema };
  });
}

export type OpenApiDocument = {
  openapi: "3.1.0";
  info: { title: string; version: string; description: string };
  jsonSchemaDialect: string;
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: typeof SECURITY_SCHEMES };
  "x-excluded-routes": typeof EXCLUDED_ROUTES;
  "x-problem-types": { code: string; status: number; title: string; type: string }[];
};

export function buildOpenApiDocument(options: { serverUrl?: string } = {}): OpenApiDocument {
  const components = new Components();
  const paths: OpenApiDocument["paths"] = {};
  for (const operation of API_OPERATIONS) {
    const parameters = [
      ...parametersOf(components, "path", operation.pathParams),
      ...parametersOf(components, "query", operation.query),
      ...(operation.headers ?? []).map((header) => ({
        name: header.name,
        in: "header",
        required: header.required ?? false,
        description: header.description,
        schema: components.add(header.schema, "input"),
      })),
    ];
    const responses = Object.fromEntries(
      Object.entries(operation.responses).map(([status, response]) => {
        const contentType = response.contentType ?? (response.schema ? "application/json" : undefined);
        return [
          status,
          {
            description: response.description,
            ...(response.headers
              ? { headers: Object.fromEntries(Object.entries(response.headers).map(([name, header]) => [name, { description: header.description, schema: components.add(header.schema, "output") }])) }
              : {}),
            ...(contentType ? { content: { [contentType]: response.schema ? { schema: components.add(response.schema, "output") } : {} } } : {}),
          },
        ];
      }),
    );
    paths[operation.path] ??= {};
    paths[operation.path][operation.method] = {
      operationId: operation.operationId,
      tags: [operation.tag],
      summary: operation.summary,
      ...(operation.description ? { description: operation.description } : {}),
      security: SECURITY[operation.access],
      ...(operation.access === "admin" ? { "x-required-role": "admin" } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(operation.body
        ? {
            requestBody: {
              required: !operation.body.optional,
              ...(operation.body.description ? { description: operation.body.description } : {}),
              content: { [operation.body.contentType ?? "application/json"]: { schema: components.add(operation.body.schema, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Local Tickets API",
      version: "1.0.0",
      description:
        "Buy tickets and book experiences without a browser. Authenticate with a personal API token (`Authorization: Bearer lt_…`, create one at /account/tokens) or the session cookie of a signed-in user. Errors are RFC 9457 problem details (`application/problem+json`) with a stable `code`. POST /api/events/{id}/buy accepts an `Idempotency-Key`. A walk-through with curl is in docs/api.md.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: options.serverUrl ?? "/" }],
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    paths,
    components: { schemas: components.schemas, securitySchemes: SECURITY_SCHEMES },
    "x-excluded-routes": EXCLUDED_ROUTES,
    "x-problem-types": Object.entries(PROBLEMS).map(([code, problem]) => ({ code, status: problem.status, title: problem.title, type: `/developers#problem-${code}` })),
  };
}

/** The registered operation for a method and path template, for tests and the /developers page. */
export function findOperation(method: HttpMethod, path: string): ApiOperation | undefined {
  return API_OPERATIONS.find((operation) => operation.method === method && operation.path === path);
}
