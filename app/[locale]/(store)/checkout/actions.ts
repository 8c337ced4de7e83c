"use server";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { currentUser } from "@/lib/auth";
import { sayFieldErrors, toLocalisedActionState } from "@/lib/i18n/action-messages";
import { localePath } from "@/lib/i18n/paths";
import { admitPurchase } from "@/lib/ops/admission-line";
import { reserveBooking, ZReserveBooking } from "@/lib/orders/reserve-booking";
import { reserveTickets, ZReserveTickets, type ReservedOrder } from "@/lib/orders/reserve-tickets";
import { paymentProvider } from "@/lib/payments/provider";
import { invalidInput } from "@/lib/to-action-state";

async function nextStepFor(order: ReservedOrder): Promise<string> {
  if (order.status === "paid") return `/orders/${order.id}`;
  const provider = await paymentProvider();
  return (await provider.startCheckout(order)).url;
}

/**
 * Runs a reservation and sends the buyer on to pay (or to the confirmation of a free
 * order). Expected refusals come back as messages beside the field; anything else is
 * logged and answered generically. redirect() throws, so it stays outside the try.
 */
async function reserveThenPay(reserve: () => Promise<ReservedOrder>, userId: string): Promise<ActionState> {
  const [t, locale] = await Promise.all([getTranslations("actions"), getLocale()]);
  let destination: string;
  try {
    // The same admission line as the JSON API: in a crowd, "very busy, try again in N s".
    destination = await admitPurchase(async () => nextStepFor(await reserve()));
  } catch (error) {
    return toLocalisedActionState(error, { action: "reservation", userId }, t("nothingCharged"));
  }
  // Our own pages (the local payment page, a free order's confirmation) in the buyer's language.
  redirect(destination.startsWith("/") ? localePath(locale, destination) : destination);
}

export async function reserveTicketsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const [user, t] = await Promise.all([currentUser(), getTranslations("actions")]);
  if (!user) return { ok: false, message: t("signInToBuy") };
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
  const locale = await getLocale();
  return reserveThenPay(() => reserveTickets({ userId: user.id, input: parsed.data, locale }), user.id);
}

export async function reserveBookingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const [user, t] = await Promise.all([currentUser(), getTranslations("actions")]);
  if (!user) return { ok: false, message: t("signInToBook") };
  const parsed = ZReserveBooking.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const refused = invalidInput(parsed.error.issues, t("checkBooking"));
    const say = Object.fromEntries(Object.keys(refused.fieldErrors ?? {}).map((field) => [field, t("invalidBooking")]));
    return { ...refused, fieldErrors: sayFieldErrors(refused.fieldErrors, say) };
  }
  const locale = await getLocale();
  return reserveThenPay(() => reserveBooking({ userId: user.id, input: parsed.data, locale }), user.id);
}
