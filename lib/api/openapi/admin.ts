// The admin dashboard's JSON routes (lib/admin, lib/analytics).
import { z } from "zod";
import { ZAnalyticsAnswer, ZAnalyticsExportQuery, ZAnalyticsQuery, ZDeleteEventOutcome, ZSavedEvent } from "../documented-schemas";
import { ZEventIdParams } from "../schemas";
import { ZCreateEvent, ZDeleteEvent, ZUpdateEvent } from "@/lib/admin/events/schemas";
import { json, problems, text, type ApiOperation } from "./operation";

/** What saving an event may answer besides success: anyone but an admin gets not_found; the rest are AdminError outcomes. */
const EVENT_WRITE_PROBLEMS = problems("malformed_request", "not_found", "conflict", "overlap", "capacity", "in_use", "busy", "content_too_large", "unsupported_media_type", "validation_failed");

export const ADMIN_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/admin/events/create",
    operationId: "adminCreateEvent",
    tag: "Admin",
    summary: "Create an event",
    description:
      "The same schema as the dashboard's form (lib/admin/events/schemas.ts): wall-clock times at the venue (`YYYY-MM-DDTHH:mm`), prices in major units (\"12.50\"), `imagePath` naming an image already on the site. Anyone but an admin gets 404.",
    access: "admin",
    body: { schema: ZCreateEvent.meta({ id: "AdminEventInput" }) },
    responses: {
      201: json("Created", ZSavedEvent),
      ...EVENT_WRITE_PROBLEMS,
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
      ...problems("not_found"),
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
      ...EVENT_WRITE_PROBLEMS,
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
      ...problems("malformed_request", "not_found", "conflict", "busy", "content_too_large", "unsupported_media_type", "validation_failed"),
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
    responses: { 200: json("The figures", ZAnalyticsAnswer), ...problems("not_found") },
  },
  {
    method: "get",
    path: "/api/admin/analytics/export",
    operationId: "adminAnalyticsExport",
    tag: "Admin",
    summary: "Sales figures as CSV",
    access: "admin",
    query: ZAnalyticsExportQuery,
    responses: { 200: text("A CSV download", "text/csv"), ...problems("not_found") },
  },
];
