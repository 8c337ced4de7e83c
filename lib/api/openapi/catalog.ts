// Catalog (lib/catalog), live availability and open data (lib/realtime, lib/feeds), event images (lib/storage).
import { z } from "zod";
import { ZAvailability, ZAvailabilityQuery, ZEventDetail, ZEventFilterQuery, ZEventPage, ZAnyFeedPage, ZFeedPage, ZFeedQuery, ZSearchBody, ZSearchQuery, ZSearchResult, ZStreamQuery } from "../documented-schemas";
import { ZEventIdParams } from "../schemas";
import { json, problems, text, type ApiOperation } from "./operation";

/**
 * Accept-Language picks the language of the text fields (title, summary, description): the
 * storefront language with the highest weight (en, pt, es, ca, de; "pt-PT" reads pt). An
 * event without a translation into it answers in its own language; `language` says which.
 */
const ACCEPT_LANGUAGE = {
  name: "Accept-Language",
  description: "Language of the text fields: en, pt, es, ca or de (highest weight wins, regional tags match their language, e.g. pt-PT). Events not translated into it answer in their own language (see `language`). Without it, each event answers in its own language.",
  schema: z.string().max(200),
};
const CONTENT_LANGUAGE = {
  "Content-Language": { description: "The language asked for with Accept-Language, when it is one of en, pt, es, ca, de", schema: z.enum(["en", "pt", "es", "ca", "de"]) },
};

export const CATALOG_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/events",
    operationId: "listEvents",
    tag: "Catalog",
    summary: "Upcoming published events",
    description: "Soonest first, 12 a page, with the same filters as the home page. Unknown parameters are ignored.",
    access: "public",
    query: ZEventFilterQuery,
    headers: [ACCEPT_LANGUAGE],
    responses: { 200: { ...json("A page of events", ZEventPage), headers: CONTENT_LANGUAGE }, ...problems("invalid_query") },
  },
  {
    method: "get",
    path: "/api/events/{id}",
    operationId: "getEvent",
    tag: "Catalog",
    summary: "A published event with its upcoming sessions",
    access: "public",
    pathParams: ZEventIdParams,
    headers: [ACCEPT_LANGUAGE],
    responses: { 200: { ...json("The event", ZEventDetail), headers: CONTENT_LANGUAGE }, ...problems("not_found") },
  },
  {
    method: "get",
    path: "/api/search",
    operationId: "searchEvents",
    tag: "Catalog",
    summary: "Search events",
    description: "Full-text search (accent-insensitive, weighted, in every storefront language: a query in English, Portuguese, Spanish, Catalan or German finds events written or translated in it), with a typo-tolerant fallback and suggestions; takes the listing filters too.",
    access: "public",
    query: ZSearchQuery,
    headers: [ACCEPT_LANGUAGE],
    responses: { 200: { ...json("Hits", ZSearchResult), headers: CONTENT_LANGUAGE }, ...problems("invalid_query") },
  },
  {
    method: "post",
    path: "/api/search",
    operationId: "searchEventsByPost",
    tag: "Catalog",
    summary: "Search events (JSON body)",
    description:
      "With `q` in the URL (`POST /api/search?q=jazz`, as a form sends it) this is the same search as GET, with the same query parameters, and the body is not read. Without it, for long or awkward queries: the text in a JSON body (a bad body is `malformed_request`, with a JSON Pointer per bad value).",
    access: "public",
    query: ZSearchQuery.partial(),
    body: { schema: ZSearchBody, optional: true },
    headers: [ACCEPT_LANGUAGE],
    responses: { 200: { ...json("Hits", ZSearchResult), headers: CONTENT_LANGUAGE }, ...problems("invalid_query", "malformed_request", "content_too_large") },
  },
  {
    method: "get",
    path: "/api/availability",
    operationId: "getAvailability",
    tag: "Catalog",
    summary: "Remaining places now",
    description: "Of one event's sessions (`event`) or of listed sessions (`sessions`). For pages whose live stream is down; otherwise use /api/stream.",
    access: "public",
    query: ZAvailabilityQuery,
    responses: { 200: json("Remaining places per session and ticket type", ZAvailability), ...problems("invalid_query") },
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
    responses: { 200: text("The stream", "text/event-stream"), ...problems("invalid_query") },
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
      ...problems("invalid_query", "unavailable"),
    },
  },
  ...([
    ["/api/feeds/session-series", "sessionSeriesFeed", "Open data: events as OpenActive SessionSeries (RPDE feed)"],
    ["/api/feeds/facility-uses", "facilityUsesFeed", "Open data: bookable experiences as OpenActive FacilityUse (RPDE feed)"],
    ["/api/feeds/slots", "slotsFeed", "Open data: bookable slots with remainingUses (RPDE feed, kind FacilityUse/Slot)"],
  ] as const).map(([path, operationId, summary]): ApiOperation => ({
    method: "get" as const,
    path,
    operationId,
    tag: "Catalog",
    summary,
    description: "Ordered by change number; follow `next` until a page has no items. Deleted items stay as tombstones (`state: deleted`).",
    access: "public" as const,
    query: ZFeedQuery,
    responses: { 200: json("A page of the feed", ZAnyFeedPage), ...problems("invalid_query", "unavailable") },
  })),
  {
    method: "get",
    path: "/api/openactive",
    operationId: "openDataDataset",
    tag: "Catalog",
    summary: "Open data: the OpenActive dataset (schema.org Dataset listing every feed)",
    description: "The JSON-LD the /openactive page embeds: licence, publisher and one `distribution` entry per feed.",
    access: "public",
    responses: { 200: text("The Dataset as JSON-LD", "application/ld+json") },
  },
  {
    method: "get",
    path: "/api/images/events/{file}",
    operationId: "eventImage",
    tag: "Catalog",
    summary: "An event image uploaded in the admin",
    description: "Immutable (cached for a year). Only event images are served here.",
    access: "public",
    pathParams: z.object({ file: z.string().describe("e.g. 3f2a….webp") }),
    responses: { 200: text("The image (WebP, PNG, JPEG or AVIF)", "image/*"), ...problems("not_found") },
  },
];
