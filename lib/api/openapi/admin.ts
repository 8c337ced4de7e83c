// The admin dashboard's JSON routes (lib/admin, lib/analytics).
import { z } from "zod";
import { ZAnalyticsAnswer, ZAnalyticsExportQuery, ZAnalyticsQuery, ZDeleteEventOutcome, ZSavedEvent } from "../documented-schemas";
import { ZEventIdParams } from "../schemas";
import { ZCreateEvent, ZDeleteEvent, ZUpdateEvent } from "@/lib/admin/events/schemas";
import { ZSessionIdParams } from "@/lib/check-in/schemas";
import { ZId } from "@/lib/id-schema";
import { json, problems, text, type ApiOperation } from "./operation";

const ZAttendeeList = z
  .object({
    sessionId: z.string(),
    eventId: z.string(),
    eventTitle: z.string(),
    eventSlug: z.string(),
    startsAt: z.iso.datetime({ offset: true }),
    timeZone: z.string(),
    venueName: z.string(),
    questions: z.array(z.object({ id: z.string(), label: z.string(), perTicket: z.boolean() })).describe("The session's questions; `answers` of each attendee follow this order"),
    attendees: z.array(
      z.object({
        ticketId: z.string(),
        holderName: z.string(),
        holderEmail: z.string().nullable(),
        buyerEmail: z.string(),
        ticketType: z.string(),
        orderReference: z.string(),
        shortCode: z.string(),
        answers: z.array(z.string()).describe("Each question's answer as a person reads it (choices by label, Yes/No); empty when not answered or not asked of this ticket"),
        checkedIn: z.boolean(),
        checkedInAt: z.iso.datetime({ offset: true }).nullable(),
      }),
    ),
  })
  .meta({ id: "AttendeeList" });

const BOX_OFFICE_NOTE =
  " Each ticket type may carry `salesStart`/`salesEnd` (the venue's clock; none: from publishing until the session starts), `hidden` (sold only with a voucher that reveals hidden types) and `tiers`, early prices in the order they apply, each `{ price, until?, untilTaken? }` (until a time on the venue's clock and/or until that many places of the type are taken; later tiers end later). Each session may carry `quotas`, shared capacities `{ id?, name, capacity, ticketTypes }` naming ticket types of that session by id or, for one created in the same request, by place (`sessions.0.ticketTypes.1`); tiers and quotas left out are removed. A quota's capacity below what its types have taken (sold + held) is refused (422, at `sessions.N.quotas.K.capacity`), checked inside the save under the quota's row lock.";

const QUESTIONS_NOTE =
  BOX_OFFICE_NOTE +
  " `questions` is the whole list in the order buyers are asked (one left out is removed; the answers already given stay on their orders by question id). A question's `ticketType` is a ticket type of this event: its id, or for one created in the same request its place, `sessions.0.ticketTypes.1`; such a question is asked of each of its tickets. `holderChangeCutoffMinutes` (default 120) is until how many minutes before the start a buyer may change a ticket's holder. `meetingPoint` (optional text, at most 500 characters) is shown on the event page and in the reminder that goes out `reminderHoursBefore` hours before the start (default 24, 0 for none, at most 336).";

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
      "The same schema as the dashboard's form (lib/admin/events/schemas.ts): wall-clock times at the venue (`YYYY-MM-DDTHH:mm`), prices in major units (\"12.50\"), `imagePath` naming an image already on the site. Anyone but an admin gets 404." + QUESTIONS_NOTE,
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
    description: "Times on the venue's clock, with the `version` to send back when saving; its `questions` name their ticket type by id (`ticketType`, \"\" for the whole event).",
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
    description: "The whole event, with the `version` it was read at: a stale version is 409 (someone else saved in between)." + QUESTIONS_NOTE,
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
  {
    method: "get",
    path: "/api/admin/payouts/{id}/export",
    operationId: "adminPayoutsExport",
    tag: "Admin",
    summary: "A host's payout ledger as CSV",
    description:
      "One row per ledger entry of the host, oldest first: date, order reference, refund id (for a refund and its fee refund), kind (payment, fee, refund, fee_refund) and the signed amount in minor units with its currency. Summed per currency it is the host's payout: payments − refunds − fees + fee refunds (docs/decisions/0020). The host's owners and managers and the platform admin; anyone else, and another host's id, get 404.",
    access: "admin",
    pathParams: z.strictObject({ id: ZId.describe("The host's id") }),
    responses: { 200: text("A CSV download", "text/csv"), ...problems("not_found") },
  },
  {
    method: "get",
    path: "/api/admin/sessions/{id}/attendees",
    operationId: "adminSessionAttendees",
    tag: "Admin",
    summary: "The attendee list of a session",
    description:
      "One entry per valid ticket of a paid order (a ticket re-issued to a new holder appears once, as its valid successor): holder, holder email, buyer email, ticket type, order reference, short code, the answers to the session's questions, and whether and when it was checked in. Admins only: door staff get 404.",
    access: "admin",
    pathParams: ZSessionIdParams,
    responses: { 200: json("The list", ZAttendeeList), ...problems("not_found") },
  },
  {
    method: "get",
    path: "/api/admin/sessions/{id}/attendees/export",
    operationId: "adminSessionAttendeesExport",
    tag: "Admin",
    summary: "The attendee list of a session as CSV",
    description:
      "Columns: holder, holder_email, buyer_email, ticket_type, order_reference, short_code, one per question (headed by its label), checked_in (yes/no), checked_in_at (ISO 8601, UTC). Cells a spreadsheet would run as a formula are prefixed with a quote. Admins only: door staff get 404.",
    access: "admin",
    pathParams: ZSessionIdParams,
    responses: { 200: text("A CSV download", "text/csv"), ...problems("not_found") },
  },
];
