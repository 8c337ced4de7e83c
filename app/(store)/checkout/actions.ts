"use server";
import { redirect } from "next/navigation";
import type { ActionState } from "@/lib/action-state";
import { currentUser } from "@/lib/auth";
import { admitPurchase } from "@/lib/orders/admission";
import { isOrderError } from "@/lib/orders/errors";
import { reserveBooking, ZReserveBooking } from "@/lib/orders/reserve-booking";
import { reserveTickets, ZReserveTickets, type ReservedOrder } from "@/lib/orders/reserve-tickets";
import { paymentProvider } from "@/lib/payments/provider";
import { logError } from "@/lib/log";

function fieldErrorsOf(issues: { path: PropertyKey[]; message: string }[], prefix = ""): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[prefix + issue.path.map(String).join(".")] ??= issue.message;
  return errors;
}

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
  let destination: string;
  try {
    // The same admission line as the JSON API: in a crowd, "very busy, try again in N s".
    destination = await admitPurchase(async () => nextStepFor(await reserve()));
  } catch (error) {
    if (isOrderError(error) && error.code === "busy") return { ok: false, message: error.message, retryAfterSeconds: error.retryAfterSeconds };
    if (isOrderError(error)) return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
    logError("reservation failed", error, { userId });
    return { ok: false, message: "Something went wrong on our side. Nothing was charged; please try again." };
  }
  redirect(destination);
}

export async function reserveTicketsAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Please sign in to buy tickets." };
  const items = [...formData.entries()]
    .filter(([key]) => key.startsWith("qty_"))
    .map(([key, value]) => ({ ticketTypeId: key.slice(4), quantity: value }));
  const parsed = ZReserveTickets.safeParse({ items });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const index = issue.path[1];
      const key = typeof index === "number" ? `quantity.${items[index]?.ticketTypeId}` : "items";
      fieldErrors[key] ??= issue.message;
    }
    return { ok: false, message: "Check the quantities.", fieldErrors };
  }
  return reserveThenPay(() => reserveTickets({ userId: user.id, input: parsed.data }), user.id);
}

export async function reserveBookingAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await currentUser();
  if (!user) return { ok: false, message: "Please sign in to book." };
  const parsed = ZReserveBooking.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: "Check the booking details.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  return reserveThenPay(() => reserveBooking({ userId: user.id, input: parsed.data }), user.id);
}
