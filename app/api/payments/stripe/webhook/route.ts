import { readBodyText, tooLargeProblem } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { handleStripeWebhook } from "@/lib/payments/stripe/events";

export const dynamic = "force-dynamic";

/**
 * Stripe's events are a few kilobytes; anyone can post here before the signature is checked,
 * so the body is read as a stream and given up past this (413).
 */
const MAX_WEBHOOK_BYTES = 256 * 1024;

/** Stripe webhooks: signature verified on the raw body; each event id applied once. */
export const POST = withApiErrors("stripe_webhook", async (request: Request) => {
  const body = await readBodyText(request, MAX_WEBHOOK_BYTES);
  if (!body.ok) return tooLargeProblem(MAX_WEBHOOK_BYTES);
  const result = await handleStripeWebhook(body.text, request.headers.get("stripe-signature"));
  if (result.status === 400) return problemResponse("malformed_request", { detail: result.error });
  return Response.json({ received: true, outcome: result.outcome });
});
