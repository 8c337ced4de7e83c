// Payment provider callbacks (lib/payments).
import { z } from "zod";
import { ZStripeReturnQuery, ZStripeWebhookAnswer } from "../documented-schemas";
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
    responses: { 200: json("Received", ZStripeWebhookAnswer), ...problems("malformed_request", "content_too_large") },
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
];
