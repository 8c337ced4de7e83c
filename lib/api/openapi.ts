// The OpenAPI 3.1 document of every route under app/api, generated from the zod schemas
// that validate the routes' input and describe their answers (z.toJSONSchema; OpenAPI 3.1
// schemas are JSON Schema 2020-12, zod's default target). Adding a route means adding an
// entry to API_OPERATIONS: lib/api/openapi.integration.test.ts walks app/api/**/route.ts
// and fails for any route file or exported method that is missing here.
import { z } from "zod";
import { ZCreateEvent, ZDeleteEvent, ZUpdateEvent } from "@/lib/admin/schemas";
import {
  ZAdminError,
  ZAnalyticsAnswer,
  ZAnalyticsExportQuery,
  ZAnalyticsQuery,
  ZDeleteEventOutcome,
  ZSavedEvent,
  ZAuthCredentials,
  ZAvailability,
  ZAvailabilityQuery,
  ZFeedPage,
  ZFeedQuery,
  ZStreamQuery,
  ZAuthCsrf,
  ZAuthSession,
  ZDownloadLinkQuery,
  ZDrainResult,
  ZErrorMessage,
  ZEventDetail,
  ZEventFilterQuery,
  ZEventPage,
  ZHealth,
  ZReadiness,
  ZReadyQuery,
  ZSearchBody,
  ZSearchQuery,
  ZSearchResult,
  ZStripeReturnQuery,
  ZStripeWebhookAnswer,
} from "./documented-schemas";
import { PROBLEM_CONTENT_TYPE, PROBLEMS, ZProblem, type ProblemCode } from "./problem";
import {
  ZBuyOptions,
  ZBuyOptionsQuery,
  ZBuyRequest,
  ZBuyResponse,
  ZCreatedToken,
  ZCreateTokenRequest,
  ZEventIdParams,
  ZLocalPayRequest,
  ZLocalPayResponse,
  ZOrderConfirmation,
  ZOrderIdParams,
  ZTokenIdParams,
  ZTokenList,
} from "./schemas";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete" | "head" | "options";

/** Who may call: alternatives, any one of which is enough. */
export type Access = "public" | "user" | "session" | "admin" | "jobs" | "metrics" | "stripe" | "signed-link";

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
  Auth: "Signing in with the Auth.js session cookie (the pages' own sign-in).",
  Payments: "Payment provider callbacks.",
  Operations: "Health, readiness, metrics and the job queue.",
  Admin: "The admin dashboard's JSON routes (admins only).",
  Development: "Only in development.",
} as const;
export type Tag = keyof typeof TAGS;

const json = (description: string, schema: z.ZodType, headers?: ApiResponseSpec["headers"]): ApiResponseSpec => ({ description, schema, headers });
const text = (description: string, contentType = "text/plain"): ApiResponseSpec => ({ description, contentType });
const RetryAfter = { "Retry-After": { description: "Seconds to wait before retrying", schema: z.int().min(1) } };

/** problem+json responses for the given codes (several codes may share one status). */
function problems(...codes: ProblemCode[]): Record<number, ApiResponseSpec> {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of codes) byStatus.set(PROBLEMS[code].status, [...(byStatus.get(PROBLEMS[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      status,
      {
        description: `Problem (${list.map((code) => `\`${code}\``).join(", ")})`,
        schema: ZProblem,
        contentType: PROBLEM_CONTENT_TYPE,
        headers: status === 429 || list.includes("idempotency_in_flight") ? RetryAfter : undefined,
      },
    ]),
  );
}

const IdempotencyKeyHeader = {
  name: "Idempotency-Key",
  description:
    "Optional. Any unique string (a UUID). Retrying with the same key and body returns the first answer (header Idempotent-Replayed: true) and never takes places twice; the same key with another body is 422; while the first is in flight, 409 with Retry-After. Kept 24 hours.",
  schema: z.string().min(1).max(255).regex(/^[\x21-\x7e]+$/),
};

export const API_OPERATIONS: ApiOperation[] = [
  // ── Buying and orders (lib/api) ───────────────────────────────────────────────────────
  {
    method: "get",
    path: "/api/events/{id}/buy",
    operationId: "getBuyOptions",
    tag: "Buying",
    summary: "What can be bought now",
    description:
      "Sessions on sale with their ticket types, prices and remaining places; for a bookable experience, the free ranges of one day (`date`, venue time, default today there) with the slot step and the minimum and maximum length. Remaining places are a snapshot: the purchase checks again under lock.",
    access: "public",
    pathParams: ZEventIdParams,
    query: ZBuyOptionsQuery,
    responses: { 200: json("What is on sale", ZBuyOptions), ...problems("invalid_query", "not_found") },
  },
  {
    method: "post",
    path: "/api/events/{id}/buy",
    operationId: "buy",
    tag: "Buying",
    summary: "Hold tickets or a time range",
    description:
      "Holds the places in one transaction and answers 201 with the pending order, its hold expiry and where to pay. A free order is confirmed at once (status `paid`, `payment` null). Refusals name their cause: sold out, not enough left, taken (409); over the per-order limit, outside opening hours, not a slot start, bad length, in the past (422). Rate limited per user and per address (429 with Retry-After).",
    access: "user",
    pathParams: ZEventIdParams,
    headers: [IdempotencyKeyHeader],
    body: { schema: ZBuyRequest, description: "Either `items` (ticket types of one session) or `booking`" },
    responses: {
      201: json("Places held (or a free order confirmed)", ZBuyResponse, {
        Location: { description: "The order's confirmation", schema: z.url() },
        "Idempotent-Replayed": { description: "true when this is the stored first answer for the Idempotency-Key", schema: z.literal("true") },
      }),
      ...problems(
        "malformed_request",
        "unauthenticated",
        "not_found",
        "sold_out",
        "not_enough",
        "taken",
        "not_on_sale",
        "idempotency_in_flight",
        "content_too_large",
        "unsupported_media_type",
        "validation_failed",
        "not_in_event",
        "invalid",
        "too_many",
        "outside_hours",
        "misaligned",
        "bad_length",
        "in_past",
        "idempotency_key_reused",
        "rate_limited",
        "internal_error",
      ),
    },
  },
  {
    method: "get",
    path: "/api/orders/{id}/confirmation",
    operationId: "getOrderConfirmation",
    tag: "Orders",
    summary: "An order, its tickets and delivery",
    description:
      "The saved order as its owner or an admin sees it; anyone else gets 404, exactly as for an unknown id. `delivery.ticketsPdfUrl` appears once the email with the PDF tickets has been sent.",
    access: "user",
    pathParams: ZOrderIdParams,
    responses: { 200: json("The order", ZOrderConfirmation), ...problems("unauthenticated", "not_found") },
  },
  {
    method: "post",
    path: "/api/orders/{id}/pay/local",
    operationId: "payLocally",
    tag: "Buying",
    summary: "Pay with the local test-mode provider",
    description:
      "Only while no Stripe key is configured (otherwise 404: only Stripe confirms payments). `succeed` pays; `decline` changes nothing; `late` lets the hold run out first and then pays (the places are taken again if still free, otherwise the order is refunded). Repeating a payment is harmless.",
    access: "user",
    pathParams: ZOrderIdParams,
    body: { schema: ZLocalPayRequest },
    responses: {
      200: json("What the payment did", ZLocalPayResponse),
      ...problems("malformed_request", "unauthenticated", "not_found", "unsupported_media_type", "validation_failed"),
    },
  },
  {
    method: "get",
    path: "/api/account/tokens",
    operationId: "listApiTokens",
    tag: "Account",
    summary: "Your API tokens",
    access: "session",
    responses: { 200: json("Tokens, newest first (secrets are never shown again)", ZTokenList), ...problems("unauthenticated", "forbidden") },
  },
  {
    method: "post",
    path: "/api/account/tokens",
    operationId: "createApiToken",
    tag: "Account",
    summary: "Create an API token",
    description: "The answer holds the secret, once. Send it as `Authorization: Bearer <secret>`. At most 20 active tokens.",
    access: "session",
    body: { schema: ZCreateTokenRequest },
    responses: {
      201: json("The new token and its secret", ZCreatedToken),
      ...problems("malformed_request", "unauthenticated", "forbidden", "too_many_tokens", "unsupported_media_type", "validation_failed", "rate_limited"),
    },
  },
  {
    method: "delete",
    path: "/api/account/tokens/{id}",
    operationId: "revokeApiToken",
    tag: "Account",
    summary: "Revoke an API token",
    description: "Effective at once: the next request with it gets 401. Revoking twice is fine.",
    access: "session",
    pathParams: ZTokenIdParams,
    responses: { 204: { description: "Revoked" }, ...problems("unauthenticated", "forbidden", "not_found") },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    tag: "Operations",
    summary: "This document",
    access: "public",
    responses: { 200: { description: "OpenAPI 3.1 document", contentType: "application/json" } },
  },

  // ── Catalog (lib/catalog) ─────────────────────────────────────────────────────────────
  {
    method: "get",
    path: "/api/events",
    operationId: "listEvents",
    tag: "Catalog",
    summary: "Upcoming published events",
    description: "Soonest first, 12 a page, with the same filters as the home page. Unknown parameters are ignored.",
    access: "public",
    query: ZEventFilterQuery,
    responses: { 200: json("A page of events", ZEventPage), 400: json("A filter is invalid (names the parameter)", ZErrorMessage) },
  },
  {
    method: "get",
    path: "/api/events/{id}",
    operationId: "getEvent",
    tag: "Catalog",
    summary: "A published event with its upcoming sessions",
    access: "public",
    pathParams: ZEventIdParams,
    responses: { 200: json("The event", ZEventDetail), 404: json("No published event with this id", ZErrorMessage) },
  },
  {
    method: "get",
    path: "/api/search",
    operationId: "searchEvents",
    tag: "Catalog",
    summary: "Search events",
    description: "Full-text search (accent-insensitive, weighted), with a typo-tolerant fallback and suggestions; takes the listing filters too.",
    access: "public",
    query: ZSearchQuery,
    responses: { 200: json("Hits", ZSearchResult), 400: json("q is missing or a filter is invalid", ZErrorMessage) },
  },
  {
    method: "post",
    path: "/api/search",
    operationId: "searchEventsByPost",
    tag: "Catalog",
    summary: "Search events (JSON body)",
    description: "For long or awkward queries: the same search with the text in a JSON body.",
    access: "public",
    body: { schema: ZSearchBody },
    responses: {
      200: json("Hits", ZSearchResult),
      400: json("The body is not valid", ZErrorMessage),
      413: json("The body is too large", ZErrorMessage),
    },
  },

  // ── Live availability and open data (lib/realtime, lib/feeds) ──────────────────────────
  {
    method: "get",
    path: "/api/availability",
    operationId: "getAvailability",
    tag: "Catalog",
    summary: "Remaining places now",
    description: "Of one event's sessions (`event`) or of listed sessions (`sessions`). For pages whose live stream is down; otherwise use /api/stream.",
    access: "public",
    query: ZAvailabilityQuery,
    responses: { 200: json("Remaining places per session and ticket type", ZAvailability), 400: json("Give event or sessions (not both)", ZErrorMessage) },
  },
  {
    method: "get",
    path: "/api/stream",
    operationId: "streamAvailability",
    tag: "Catalog",
    summary: "Live remaining places (Server-Sent Events)",
    description:
      "An `text/event-stream` whose events carry a SessionAvailability as JSON, `id:` being the change number. Without a filter, every public session. A reconnect with `Last-Event-ID` resumes after it.",
    access: "public",
    query: ZStreamQuery,
    headers: [{ name: "Last-Event-ID", description: "Resume after this change number", schema: z.string().regex(/^\d{1,15}$/) }],
    responses: { 200: text("The stream", "text/event-stream"), 400: json("A bad filter", ZErrorMessage) },
  },
  {
    method: "get",
    path: "/api/feeds/sessions",
    operationId: "sessionsFeed",
    tag: "Catalog",
    summary: "Open data: sessions as an OpenActive RPDE feed",
    description: "Ordered by change number; follow `next` until a page has no items. Deleted and unpublished sessions stay as tombstones (`state: deleted`).",
    access: "public",
    query: ZFeedQuery,
    responses: {
      200: json("A page of the feed", ZFeedPage),
      400: json("A bad parameter (afterTimestamp/afterId are not used by this feed)", ZErrorMessage),
      503: json("Temporarily unavailable; retry later", ZErrorMessage, RetryAfter),
    },
  },

  // ── Tickets (lib/tickets) ─────────────────────────────────────────────────────────────
  {
    method: "get",
    path: "/api/orders/{id}/tickets.pdf",
    operationId: "downloadOrderTickets",
    tag: "Tickets",
    summary: "The order's tickets as one PDF",
    description: "For the order's owner or an admin, signed in with the session cookie; anyone else gets 404.",
    access: "session",
    pathParams: ZOrderIdParams,
    responses: { 200: text("The PDF", "application/pdf"), 404: text("Not found") },
  },
  {
    method: "get",
    path: "/api/tickets/download",
    operationId: "downloadTicketsByLink",
    tag: "Tickets",
    summary: "The tickets PDF from the delivery email's signed link",
    description: "Works without signing in until the link expires; the signature binds the order and the expiry.",
    access: "signed-link",
    query: ZDownloadLinkQuery,
    responses: { 200: text("The PDF", "application/pdf"), 404: text("The link is invalid or has expired") },
  },

  // ── Auth.js (lib/auth) ────────────────────────────────────────────────────────────────
  {
    method: "get",
    path: "/api/auth/csrf",
    operationId: "authCsrf",
    tag: "Auth",
    summary: "CSRF token for signing in",
    description: "Also sets the CSRF cookie, which must be sent back with the sign-in.",
    access: "public",
    responses: { 200: json("The token", ZAuthCsrf) },
  },
  {
    method: "post",
    path: "/api/auth/callback/credentials",
    operationId: "authSignIn",
    tag: "Auth",
    summary: "Sign in with email and password",
    description:
      "Form-encoded. On success, a redirect that sets the session cookie (`authjs.session-token`, `__Secure-` over HTTPS) which the JSON API accepts like a token. Rate limited per email and per address. For scripts, a personal API token is simpler.",
    access: "public",
    body: { schema: ZAuthCredentials, contentType: "application/x-www-form-urlencoded" },
    responses: { 302: { description: "Signed in (cookie set), or back to the sign-in page with an error" } },
  },
  {
    method: "get",
    path: "/api/auth/session",
    operationId: "authSession",
    tag: "Auth",
    summary: "The current session",
    access: "public",
    responses: { 200: json("The session, or null when signed out", ZAuthSession) },
  },
  {
    method: "post",
    path: "/api/auth/signout",
    operationId: "authSignOut",
    tag: "Auth",
    summary: "Sign out",
    description: "Form-encoded with `csrfToken`; clears the session cookie.",
    access: "session",
    body: { schema: z.object({ csrfToken: z.string() }), contentType: "application/x-www-form-urlencoded" },
    responses: { 302: { description: "Signed out" } },
  },

  // ── Payments (lib/payments) ───────────────────────────────────────────────────────────
  {
    method: "post",
    path: "/api/payments/stripe/webhook",
    operationId: "stripeWebhook",
    tag: "Payments",
    summary: "Stripe webhook",
    description: "Verified by the Stripe-Signature header over the raw body; each event id is applied once.",
    access: "stripe",
    body: { schema: z.looseObject({ id: z.string(), type: z.string() }), description: "A Stripe event" },
    responses: { 200: json("Received", ZStripeWebhookAnswer), 400: json("Missing or invalid signature, or not about one of our orders", ZErrorMessage) },
  },
  {
    method: "get",
    path: "/api/payments/stripe/return",
    operationId: "stripeReturn",
    tag: "Payments",
    summary: "The buyer's browser back from Stripe Checkout",
    access: "public",
    query: ZStripeReturnQuery,
    responses: { 303: { description: "To the order page" }, 400: json("Bad return parameters", ZErrorMessage) },
  },

  // ── Operations (lib/ops, lib/jobs) ────────────────────────────────────────────────────
  {
    method: "get",
    path: "/api/health",
    operationId: "health",
    tag: "Operations",
    summary: "Liveness",
    description: "The process is up. No database, no secrets.",
    access: "public",
    responses: { 200: json("Alive", ZHealth) },
  },
  {
    method: "get",
    path: "/api/ready",
    operationId: "ready",
    tag: "Operations",
    summary: "Readiness",
    description: "200 when the database answers, every migration is applied and the job queue drains; 503 naming the failing check.",
    access: "public",
    query: ZReadyQuery,
    responses: { 200: json("Ready", ZReadiness), 503: json("Not ready", ZReadiness) },
  },
  {
    method: "get",
    path: "/api/metrics",
    operationId: "metrics",
    tag: "Operations",
    summary: "Prometheus metrics",
    access: "metrics",
    responses: {
      200: text("Prometheus text exposition format"),
      401: json("Wrong token", ZErrorMessage),
      404: json("Metrics are disabled (no METRICS_TOKEN set)", ZErrorMessage),
    },
  },
  {
    method: "post",
    path: "/api/jobs/run",
    operationId: "runJobs",
    tag: "Operations",
    summary: "Drain the job queue",
    description: "Sweeps expired holds and runs due jobs (ticket PDFs, emails, refunds) for up to 20 s. Called after purchases, by the worker loop or by cron.",
    access: "jobs",
    responses: { 200: json("What ran", ZDrainResult), 401: json("Wrong secret", ZErrorMessage) },
  },

  // ── Admin (lib/admin, lib/analytics) ─────────────────────────────────────────────────
  {
    method: "post",
    path: "/api/admin/events/create",
    operationId: "adminCreateEvent",
    tag: "Admin",
    summary: "Create an event",
    description:
      "The same schema as the dashboard's form (lib/admin/schemas.ts): wall-clock times at the venue (`YYYY-MM-DDTHH:mm`), prices in major units (\"12.50\"), `imagePath` naming an image already on the site. Anyone but an admin gets 404.",
    access: "admin",
    body: { schema: ZCreateEvent.meta({ id: "AdminEventInput" }) },
    responses: {
      201: json("Created", ZSavedEvent),
      400: json("Not JSON", ZAdminError),
      404: json("Not found (or not an admin)", ZAdminError),
      409: json("A conflict: overlap, slug taken…", ZAdminError),
      415: json("Not application/json", ZAdminError),
      422: json("Invalid fields (fieldErrors)", ZAdminError),
      500: json("Nothing was saved", ZAdminError),
    },
  },
  {
    method: "get",
    path: "/api/admin/events/edit/{id}",
    operationId: "adminReadEventForEdit",
    tag: "Admin",
    summary: "Read an event as the edit route takes it back",
    description: "Times on the venue's clock, with the `version` to send back when saving.",
    access: "admin",
    pathParams: ZEventIdParams,
    responses: {
      200: json("The event", z.object({ event: z.looseObject({ version: z.number().int() }) })),
      404: json("Not found (or not an admin)", ZAdminError),
    },
  },
  {
    method: "post",
    path: "/api/admin/events/edit/{id}",
    operationId: "adminEditEvent",
    tag: "Admin",
    summary: "Replace an event",
    description: "The whole event, with the `version` it was read at: a stale version is 409 (someone else saved in between).",
    access: "admin",
    pathParams: ZEventIdParams,
    body: { schema: ZUpdateEvent.meta({ id: "AdminEventUpdate" }) },
    responses: {
      200: json("Saved", ZSavedEvent),
      400: json("Not JSON", ZAdminError),
      404: json("Not found (or not an admin)", ZAdminError),
      409: json("Stale version, overlap, capacity below places sold…", ZAdminError),
      415: json("Not application/json", ZAdminError),
      422: json("Invalid fields (fieldErrors)", ZAdminError),
      500: json("Nothing was saved", ZAdminError),
    },
  },
  {
    method: "post",
    path: "/api/admin/events/delete/{id}",
    operationId: "adminDeleteEvent",
    tag: "Admin",
    summary: "Delete an event (or cancel it when tickets were sold)",
    access: "admin",
    pathParams: ZEventIdParams,
    body: { schema: ZDeleteEvent.meta({ id: "AdminEventDelete" }), description: "Optionally the `version` it was read at", optional: true },
    responses: {
      200: json("Deleted, or cancelled with refunds queued", ZDeleteEventOutcome),
      400: json("Not JSON", ZAdminError),
      404: json("Not found (or not an admin)", ZAdminError),
      409: json("Stale version", ZAdminError),
      415: json("Not application/json", ZAdminError),
      500: json("Nothing was changed", ZAdminError),
    },
  },
  {
    method: "get",
    path: "/api/admin/analytics",
    operationId: "adminAnalytics",
    tag: "Admin",
    summary: "Sales figures",
    description: "Tickets sold per event and session, revenue by currency, sales over time, conversion and the job pipeline, for a range of whole UTC days.",
    access: "admin",
    query: ZAnalyticsQuery,
    responses: { 200: json("The figures", ZAnalyticsAnswer), 404: json("Not found (or not an admin)", ZAdminError), 500: json("Failed", ZAdminError) },
  },
  {
    method: "get",
    path: "/api/admin/analytics/export",
    operationId: "adminAnalyticsExport",
    tag: "Admin",
    summary: "Sales figures as CSV",
    access: "admin",
    query: ZAnalyticsExportQuery,
    responses: { 200: text("A CSV download", "text/csv"), 404: json("Not found (or not an admin)", ZAdminError), 500: json("Failed", ZAdminError) },
  },

  // ── Images (lib/storage) ──────────────────────────────────────────────────────────────
  {
    method: "get",
    path: "/api/images/events/{file}",
    operationId: "eventImage",
    tag: "Catalog",
    summary: "An event image uploaded in the admin",
    description: "Immutable (cached for a year). Only event images are served here.",
    access: "public",
    pathParams: z.object({ file: z.string().describe("e.g. 3f2a….webp") }),
    responses: { 200: text("The image (WebP, PNG, JPEG or AVIF)", "image/*"), 404: text("Not found") },
  },

  // ── Development ───────────────────────────────────────────────────────────────────────
  {
    method: "get",
    path: "/api/dev/outbox/{id}/attachments/{index}",
    operationId: "devOutboxAttachment",
    tag: "Development",
    summary: "An attachment of an email in the development outbox",
    description: "Only where the dev outbox is enabled (no Resend key); 404 everywhere else.",
    access: "session",
    pathParams: z.object({ id: z.string(), index: z.string().regex(/^\d{1,3}$/) }),
    responses: { 200: text("The attachment", "application/octet-stream"), 404: text("Not found") },
  },
];

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
} as const;

const SECURITY: Record<Access, Record<string, string[]>[]> = {
  public: [],
  user: [{ apiToken: [] }, { sessionCookie: [] }],
  session: [{ sessionCookie: [] }],
  admin: [{ sessionCookie: [] }],
  jobs: [{ jobsSecret: [] }],
  metrics: [{ metricsToken: [] }],
  stripe: [{ stripeSignature: [] }],
  "signed-link": [],
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
