// PDF tickets (lib/tickets).
import { ZDownloadLinkQuery } from "../documented-schemas";
import { ZOrderIdParams } from "../schemas";
import { problems, text, type ApiOperation } from "./operation";

export const TICKETS_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/orders/{id}/tickets.pdf",
    operationId: "downloadOrderTickets",
    tag: "Tickets",
    summary: "The order's tickets as one PDF",
    description: "For the order's owner or an admin, signed in with the session cookie; anyone else gets 404.",
    access: "session",
    pathParams: ZOrderIdParams,
    responses: { 200: text("The PDF", "application/pdf"), ...problems("not_found") },
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
    responses: { 200: text("The PDF", "application/pdf"), ...problems("not_found") },
  },
];
