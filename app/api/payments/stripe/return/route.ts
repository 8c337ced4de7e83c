import { z } from "zod";
import { ZId } from "@/lib/id-schema";
import { withApiErrors } from "@/lib/http/with-api-errors";
import { problemResponse } from "@/lib/http/problem";
import { issuesToErrors } from "@/lib/errors/field-errors";
import { logError } from "@/lib/log";
import { confirmStripeReturn } from "@/lib/payments/stripe/events";
import { toLocale } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";
import { appUrl } from "@/lib/urls";
import { withAccess } from "@/lib/orders/order-access";

export const dynamic = "force-dynamic";

const ZReturn = z.object({ order: ZId, session_id: z.string().regex(/^cs_[A-Za-z0-9_]+$/), locale: z.string().optional(), access: z.string().max(100).optional() });

/** The buyer's browser back from Stripe Checkout: confirm now rather than wait for the webhook. */
export const GET = withApiErrors("stripe_return", async (request: Request) => {
  const parsed = ZReturn.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    const errors = issuesToErrors(parsed.error.issues).map((error) => ({ ...error, pointer: error.pointer.replace(/^\//, "") }));
    return problemResponse("invalid_query", { detail: "Bad return parameters.", errors });
  }
  try {
    await confirmStripeReturn(parsed.data.order, parsed.data.session_id);
  } catch (error) {
    // The webhook will still confirm; the order page shows whatever state is saved.
    logError("stripe return confirmation failed", error, { orderId: parsed.data.order });
  }
  // The order page in the buyer's language (an unknown or missing locale: English).
  // A guest's private link comes along, so the order page opens without an account.
  return Response.redirect(`${appUrl(request)}${withAccess(localePath(toLocale(parsed.data.locale), `/orders/${parsed.data.order}`), parsed.data.access)}`, 303);
});
