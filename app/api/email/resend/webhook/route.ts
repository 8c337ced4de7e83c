import { readBodyText, tooLargeProblem } from "@/lib/http/json";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { handleResendWebhook } from "@/lib/email/resend-webhook";

export const dynamic = "force-dynamic";

/** Resend's events are small; anyone can post before the signature is checked (413 past this). */
const MAX_WEBHOOK_BYTES = 64 * 1024;

/** Resend webhooks: signature verified on the raw body; a state only moves forward, so a replay changes nothing. */
export const POST = withApiErrors("resend_webhook", async (request: Request) => {
  const body = await readBodyText(request, MAX_WEBHOOK_BYTES);
  if (!body.ok) return tooLargeProblem(MAX_WEBHOOK_BYTES);
  const header = (name: string) => request.headers.get(`svix-${name}`) ?? request.headers.get(`webhook-${name}`);
  const result = await handleResendWebhook(body.text, { id: header("id"), timestamp: header("timestamp"), signature: header("signature") });
  if (result.status === 400) return problemResponse("malformed_request", { detail: result.error });
  return Response.json({ received: true, outcome: result.outcome });
});
