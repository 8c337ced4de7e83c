import { handleStripeWebhook } from "@/lib/payments/stripe";
import { kickJobQueue } from "@/lib/jobs/kick";

export const dynamic = "force-dynamic";

/** Stripe webhooks: signature verified on the raw body; each event id applied once. */
export async function POST(request: Request) {
  const result = await handleStripeWebhook(await request.text(), request.headers.get("stripe-signature"));
  if (result.status === 400) return Response.json({ error: result.error }, { status: 400 });
  if (result.outcome === "paid" || result.outcome === "refund_required") kickJobQueue();
  return Response.json({ received: true, outcome: result.outcome });
}
