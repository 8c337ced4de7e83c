// Payment and email provider callbacks (lib/payments, lib/email).
import { z } from "zod";
import { ZStripeReturnQuery, ZWebhookAnswer } from "../documented-schemas";
import { json, problems, type ApiOperation } from "./operation";

export const PAYMENTS_OPERATIONS: ApiOperation[] = [
  {
    method: "post",
    path: "/api/payments/stripe/webhook",
    operationId: "stripeWebhook",
    tag: "Payments",
    summary: "Stripe webhook",
    description: "Verified by the Stripe-Signature header over the raw body; each event id is applied once.",
    access: "stripe",
    body: { schema: z.looseObject({ id: z.string(), type: z.string() }), description: "A Stripe event" },
    responses: { 200: json("Received", ZWebhookAnswer), ...problems("malformed_request", "content_too_large") },
  },
  {
    method: "get",
    path: "/api/payments/stripe/return",
    operationId: "stripeReturn",
    tag: "Payments",
    summary: "The buyer's browser back from Stripe Checkout",
    access: "public",
    query: ZStripeReturnQuery,
    responses: { 303: { description: "To the order page" }, ...problems("invalid_query") },
  },
  {
    method: "post",
    path: "/api/email/resend/webhook",
    operationId: "resendWebhook",
    tag: "Payments",
    summary: "Resend webhook: what became of an email",
    description:
      "Verified by the svix-id, svix-timestamp and svix-signature headers over the raw body (older than five minutes: refused). Delivered, delayed, bounced, complained and failed move the email's state forward only, so a repeat or a late event changes nothing; a bounce marks the attendee message's recipient or the reminder `bounced` for the admin.",
    access: "resend",
    body: { schema: z.looseObject({ type: z.string(), data: z.looseObject({ email_id: z.string() }) }), description: "A Resend event" },
    responses: { 200: json("Received", ZWebhookAnswer), ...problems("malformed_request", "content_too_large") },
  },
];
