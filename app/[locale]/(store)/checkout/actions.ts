"use server";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/actions/action-state";
import { currentUser } from "@/lib/auth";
import { sayFieldErrors, toLocalisedActionState } from "@/lib/actions/localised-action-state";
import { localePath } from "@/lib/i18n/paths";
import { formRequestKey } from "@/lib/checkout/request-key";
import { startPurchase, type PurchaseChoice } from "@/lib/checkout/start-purchase";
import { mayGuestBuy } from "@/lib/api/rate-limits";
import { accountBuyer, guestBuyer, ZGuestBuyer, type Buyer } from "@/lib/orders/buyer";
import { withAccess } from "@/lib/orders/order-access";
import { admitPurchase } from "@/lib/ops/admission-line";
import { ZReserveBooking } from "@/lib/orders/reserve-booking";
import { ZReserveTickets } from "@/lib/orders/reserve-tickets";
import { invalidInput } from "@/lib/actions/to-action-state";
import { particularsFromForm } from "@/lib/questions/particulars-from-form";
import { applyVoucherOnEventPage, type RevealedType } from "@/lib/checkout/apply-voucher";
import type { VoucherOffer } from "@/lib/orders/voucher";
import type { Locale } from "@/lib/i18n/locales";
import { takeFormTurn } from "@/lib/sale-line/browser-line";

/** The total the buyer was shown (the panel's quote), when the form says it. */
function expectedTotal(formData: FormData): number | undefined {
  const value = Number(formData.get("expectedTotalMinor"));
  return formData.has("expectedTotalMinor") && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/**
 * Runs a purchase (lib/checkout/start-purchase.ts, the same as the JSON API's) and sends the
 * buyer on to pay, or to the order page (a free order's confirmation, or paying later when the
 * provider could not be reached). Expected refusals come back as messages beside the field;
 * anything else is logged and answered generically. redirect() throws, so it stays outside the try.
 */
async function purchaseThenPay(choice: PurchaseChoice, buyer: Buyer, formData: FormData): Promise<ActionState> {
  const [t, locale] = await Promise.all([getTranslations("actions"), getLocale()]);
  let destination: string;
  try {
    // An on-sale at a set time: only at the buyer's turn in its line (lib/sale-line).
    const turn = await takeFormTurn("items" in choice ? choice.items[0]?.ticketTypeId : undefined, buyer);
    if (!turn.ok) return turn.state;
    // The same admission line as the JSON API: in a crowd, "very busy, try again in N s".
    const { order, payment } = await admitPurchase(() =>
      startPurchase({
        buyer,
        choice,
        locale,
        expectedTotalMinor: expectedTotal(formData),
        // The same form posted again (a retry, a double tap) finds the order the first post made.
        requestKey: formRequestKey(formData.get("requestKey"), choice),
      }),
    );
    await turn.bought();
    // A guest's way back to the order is its private link.
    destination = payment?.url ?? withAccess(`/orders/${order.id}`, buyer.kind === "guest" ? order.accessToken : null);
  } catch (error) {
    return toLocalisedActionState(error, { action: "reservation", buyer: buyer.kind === "account" ? buyer.userId : "guest" }, t("nothingCharged"));
  }
  // Our own pages (the local payment page, a free order's confirmation) in the buyer's language.
  redirect(destination.startsWith("/") ? localePath(locale, destination) : destination);
}

/**
 * The buyer of a form's purchase: the signed-in account, or a guest who gave an email and a
 * name (issue 27), allowed as many attempts a minute per email and per address as the API
 * allows an account. A refusal is the form's answer.
 */
async function buyerOf(formData: FormData): Promise<{ ok: true; buyer: Buyer } | { ok: false; state: ActionState }> {
  const [user, t] = await Promise.all([currentUser(), getTranslations("actions")]);
  if (user) return { ok: true, buyer: accountBuyer(user.id) };
  const parsed = ZGuestBuyer.safeParse({ email: formData.get("buyerEmail") ?? "", name: formData.get("buyerName") ?? "" });
  if (!parsed.success) {
    const fields = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    const fieldErrors: Record<string, string> = {};
    if (fields.has("email")) fieldErrors.buyerEmail = t("guestEmail");
    if (fields.has("name")) fieldErrors.buyerName = t("guestName");
    return { ok: false, state: { ok: false, message: t("guestDetails"), fieldErrors } };
  }
  const limit = await mayGuestBuy(parsed.data.email, await headers());
  if (!limit.allowed) return { ok: false, state: { ok: false, message: t("tooManyAttempts"), retryAfterSeconds: limit.retryAfterSeconds } };
  return { ok: true, buyer: guestBuyer(parsed.data) };
}

export async function reserveTicketsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations("actions");
  const items = [...formData.entries()]
    .filter(([key]) => key.startsWith("qty_"))
    .map(([key, value]) => ({ ticketTypeId: key.slice(4), quantity: value }));
  const parsed = ZReserveTickets.safeParse({ items });
  if (!parsed.success) {
    // The form's inputs are named by ticket type (`quantity.<ticketTypeId>`), the schema's by position.
    const keyOf = (path: readonly PropertyKey[]) => (typeof path[1] === "number" ? `quantity.${items[path[1]]?.ticketTypeId}` : "items");
    const refused = invalidInput(parsed.error.issues, t("checkQuantities"), keyOf);
    const say = Object.fromEntries(Object.keys(refused.fieldErrors ?? {}).map((field) => [field, t("invalidQuantity")]));
    return { ...refused, fieldErrors: sayFieldErrors(refused.fieldErrors, say) };
  }
  const buyer = await buyerOf(formData);
  if (!buyer.ok) return buyer.state;
  const voucher = formData.get("voucher");
  return purchaseThenPay(
    { items: parsed.data.items, voucher: typeof voucher === "string" && voucher.trim() ? voucher.slice(0, 60) : undefined, particulars: particularsFromForm(formData) },
    buyer.buyer,
    formData,
  );
}

export async function reserveBookingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const t = await getTranslations("actions");
  const parsed = ZReserveBooking.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const refused = invalidInput(parsed.error.issues, t("checkBooking"));
    const say = Object.fromEntries(Object.keys(refused.fieldErrors ?? {}).map((field) => [field, t("invalidBooking")]));
    return { ...refused, fieldErrors: sayFieldErrors(refused.fieldErrors, say) };
  }
  const buyer = await buyerOf(formData);
  if (!buyer.ok) return buyer.state;
  return purchaseThenPay({ booking: parsed.data, particulars: particularsFromForm(formData) }, buyer.buyer, formData);
}

export type AppliedVoucher = ActionState<{ voucher: VoucherOffer; revealed: RevealedType[]; offered: Record<string, number> }>;

/** "Apply" in the buy panel: the code's discount and the hidden types it reveals, or why it cannot be used. */
export async function applyVoucherAction(slug: string, code: string): Promise<AppliedVoucher> {
  const [t, locale] = await Promise.all([getTranslations("actions"), getLocale()]);
  if (typeof slug !== "string" || typeof code !== "string" || code.length > 60) return { ok: false, message: t("somethingWrong") };
  try {
    return { ok: true, ...(await applyVoucherOnEventPage({ slug, code, locale: locale as Locale })) };
  } catch (error) {
    return toLocalisedActionState(error, { action: "apply voucher" }, t("somethingWrong"));
  }
}
