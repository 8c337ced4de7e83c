// Only in development.
import { z } from "zod";
import { problems, text, type ApiOperation } from "./operation";

export const DEVELOPMENT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/dev/outbox/{id}/attachments/{index}",
    operationId: "devOutboxAttachment",
    tag: "Development",
    summary: "An attachment of an email in the development outbox",
    description: "Only where the dev outbox is enabled (no Resend key); 404 everywhere else.",
    access: "session",
    pathParams: z.object({ id: z.string(), index: z.string().regex(/^\d{1,3}$/) }),
    responses: { 200: text("The attachment", "application/octet-stream"), ...problems("not_found") },
  },
];
