"use server";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ZId } from "@/lib/id-schema";
import type { ActionState } from "@/lib/actions/action-state";
import { currentUser } from "@/lib/auth";
import { sayFieldErrors, toLocalisedActionState } from "@/lib/actions/localised-action-state";
import { localePath } from "@/lib/i18n/paths";
import { isUuid } from "@/lib/ids";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { withAccess } from "@/lib/orders/order-access";
import { payWithLocalProvider } from "@/lib/payments/local-payment";
import { resumeCheckout } from "@/lib/payments/resume-checkout";
import { changeTicketHolder, ZHolderChange } from "@/lib/tickets/change-holder";
import { invalidInput } from "@/lib/actions/to-action-state";

const ZLocalPayment = z.object({ orderId: ZId, outcome: z.enum(["succeed", "decline", "late"]), access: z.string().max(100).optional() });

export async function payLocallyAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const [user, t, locale] = await Promise.all([currentUser(), getTranslations("actions"), getLocale()]);
  const parsed = ZLocalPayment.safeParse(Object.fromEntries(formData));
  // The buyer signed in, or a guest with the order's private link.
  if ((!user && !parsed.data?.access) || !parsed.success) return { ok: false, message: t("cannotPay") };
  const { orderId, outcome, access } = parsed.data;
  try {
    const result = await payWithLocalProvider({ orderId, outcome, caller: { userId: user?.id ?? null, accessToken: access ?? null } });
    if (result.outcome === "declined") {
      return { ok: false, message: t("declined") };
    }
  } catch (error) {
    return toLocalisedActionState(error, { action: "local payment", orderId: parsed.data.orderId }, t("nothingCharged"));
  }
  redirect(withAccess(localePath(locale, `/orders/${orderId}`), user ? null : access));
}

const ZCancelForm = z.object({ orderId: ZId, ticketId: ZId.optional(), access: z.string().max(100).optional() });

/** The buyer cancels the order, or one ticket, under the event's policy (issue 29.1). */
export async function cancelAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const [user, t, locale] = await Promise.all([currentUser(), getTranslations("actions"), getLocale()]);
  const parsed = ZCancelForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success || (!user && !parsed.data.access)) return { ok: false, message: t("cannotCancel") };
  const { orderId, ticketId, access } = parsed.data;
  try {
    await cancelOrder({ orderId, ticketIds: ticketId ? [ticketId] : null, viewer: user, accessToken: access ?? null });
  } catch (error) {
    return toLocalisedActionState(error, { action: "cancel", orderId }, t("somethingWrong"));
  }
  // Back to the order, which says what was cancelled (the form itself is gone with the ticket).
  const page = withAccess(localePath(locale, `/orders/${orderId}`), access);
  redirect(`${page}${page.includes("?") ? "&" : "?"}cancelled=${ticketId ? "ticket" : "order"}`);
}

/** "Continue to payment": back to the order's checkout (Stripe's, or the local test page). */
export async function resumePaymentAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const [user, t, locale] = await Promise.all([currentUser(), getTranslations("actions"), getLocale()]);
  const orderId = formData.get("orderId");
  if (!user || !isUuid(orderId)) return { ok: false, message: t("cannotPay") };
  let destination: string;
  try {
    destination = (await resumeCheckout({ orderId, userId: user.id })).url;
  } catch (error) {
    return toLocalisedActionState(error, { action: "resume payment", orderId }, t("nothingCharged"));
  }
  // Our own pages (the local payment page, the order) in the buyer's language; Stripe's as they are.
  redirect(destination.startsWith("/") ? localePath(locale, destination) : destination);
}

const ZHolderForm = ZHolderChange.extend({ orderId: ZId, ticketId: ZId, access: z.string().max(100).optional() });

/** A ticket's new holder (issue 27.3): the ticket is re-issued and the page shows its new code. */
export async function changeHolderAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const [user, t, locale] = await Promise.all([currentUser(), getTranslations("actions"), getLocale()]);
  const parsed = ZHolderForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const refused = invalidInput(parsed.error.issues, t("checkHolder"));
    return { ...refused, fieldErrors: sayFieldErrors(refused.fieldErrors, { name: t("holderNameInvalid"), email: t("holderEmailInvalid") }) };
  }
  const { orderId, ticketId, access, ...change } = parsed.data;
  let changed: string;
  try {
    changed = (await changeTicketHolder({ orderId, ticketId, change, viewer: user, accessToken: access ?? null })).ticketId;
  } catch (error) {
    return toLocalisedActionState(error, { action: "change holder", orderId }, t("somethingWrong"));
  }
  const page = withAccess(localePath(locale, `/orders/${orderId}`), access);
  redirect(`${page}${page.includes("?") ? "&" : "?"}changed=${changed}`);
}
