// At the door (lib/check-in): scanning, the offline door list and its upload, the public key.
import { ZCheckInProblem, ZCheckInRequest, ZDoorList, ZDoorSessionsAnswer, ZSessionIdParams, ZTicketKeys, ZUploadScansRequest, ZUploadScansAnswer, ZVerdict } from "@/lib/check-in/schemas";
import { json, problems, problemsWith, type ApiOperation } from "./operation";

const WHO =
  "Door staff of the session's event (granted by an admin at /admin/check-in), or an admin: with the session cookie, or with a personal API token of scope `check_in` (a token that can do nothing else). A session the caller may not check in is 404.";

export const CHECK_IN_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/check-in",
    operationId: "checkInTicket",
    tag: "Door",
    summary: "Check a scanned ticket in",
    description: `${WHO} The code's Ed25519 signature is verified, then the ticket is admitted with one conditional write: two doors scanning the same ticket at the same moment admit it once. 200: admitted (green). 409 \`already_checked_in\` (amber) and 422 \`ticket_rejected\` (red: not valid, void, refunded, not paid, other event or date) carry the door's \`verdict\`.`,
    access: "door",
    body: { schema: ZCheckInRequest },
    responses: {
      200: json("Admitted", ZVerdict),
      ...problems("malformed_request", "unauthenticated", "forbidden", "not_found", "content_too_large", "unsupported_media_type"),
      // 409 and 422 may carry the door's verdict; 422 is also a body that breaks the schema.
      ...problemsWith(ZCheckInProblem, "already_checked_in", "validation_failed", "ticket_rejected"),
    },
  },
  {
    method: "post",
    path: "/api/check-in/uploads",
    operationId: "uploadOfflineCheckIns",
    tag: "Door",
    summary: "Upload admissions made offline",
    description: `${WHO} Each scan is replayed through the same conditional write, oldest first; sending a scan again records it once (by \`scanId\`). An admission that did not stand (the ticket was already in, or was voided or refunded since the door's sync) comes back with \`conflict: true\` and is listed to the admin.`,
    access: "door",
    body: { schema: ZUploadScansRequest },
    responses: {
      200: json("What became of each scan", ZUploadScansAnswer),
      ...problems("malformed_request", "unauthenticated", "forbidden", "not_found", "content_too_large", "unsupported_media_type", "validation_failed"),
    },
  },
  {
    method: "get",
    path: "/api/check-in/sessions",
    operationId: "listDoorSessions",
    tag: "Door",
    summary: "Sessions the caller may check tickets in for",
    description: "On now or within the next two weeks, soonest first. Empty for someone who is not door staff.",
    access: "door",
    responses: { 200: json("The sessions", ZDoorSessionsAnswer), ...problems("unauthenticated", "forbidden") },
  },
  {
    method: "get",
    path: "/api/check-in/sessions/{id}/tickets",
    operationId: "getDoorList",
    tag: "Door",
    summary: "The door list: every ticket of a session, who is in, and the public key",
    description: `${WHO} A scanner keeps it to work offline: it verifies codes with \`publicKey\` and looks the ticket up here.`,
    access: "door",
    pathParams: ZSessionIdParams,
    responses: { 200: json("The door list", ZDoorList), ...problems("unauthenticated", "forbidden", "not_found") },
  },
  {
    method: "get",
    path: "/api/check-in/keys",
    operationId: "getTicketKeys",
    tag: "Door",
    summary: "The public key that verifies ticket codes",
    description: "Public: the key checks a ticket code's Ed25519 signature, and cannot make one.",
    access: "public",
    responses: { 200: json("The key and the code layout", ZTicketKeys) },
  },
];
