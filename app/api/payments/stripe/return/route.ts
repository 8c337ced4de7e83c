import { z } from "zod";
import { logError } from "@/lib/log";
import { confirmStripeReturn } from "@/lib/payments/stripe";
import { appUrl } from "@/lib/urls";

export const dynamic = "force-dynamic";

const ZReturn = z.object({ order: z.uuid(), session_id: z.string().regex(/^cs_[A-Za-z0-9_]+$/) });

/** The buyer's browser back from Stripe Checkout: confirm now rather than wait for the webhook. */
export async function GET(request: Request) {
  const parsed = ZReturn.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "bad return parameters" }, { status: 400 });
  try {
    await confirmStripeReturn(parsed.data.order, parsed.data.session_id);
  } catch (error) {
    // The webhook will still confirm; the order page shows whatever state is saved.
    logError("stripe return confirmation failed", error, { orderId: parsed.data.order });
  }
  return Response.redirect(`${appUrl(request)}/orders/${parsed.data.order}`, 303);
}
