import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { logError } from "@/lib/log";
import type { Buyer } from "@/lib/orders/buyer";
import { reserveBooking, type ZReserveBooking } from "@/lib/orders/reserve-booking";
import { reserveTickets, type ReservedOrder, type ReserveTicketsInput } from "@/lib/orders/reserve-tickets";
import { paymentProvider } from "@/lib/payments/provider";
import type { z } from "zod";
import type { ParticularsInput } from "@/lib/questions/check-particulars";

/** What is bought, and (optionally) who each ticket is for and the answers to the event's questions. */
export type PurchaseChoice = ({ items: ReserveTicketsInput["items"]; voucher?: string } | { booking: z.output<typeof ZReserveBooking> }) & { particulars?: ParticularsInput };

export type StartedPurchase = {
  order: ReservedOrder;
  /** Where the buyer pays; null for a free order, or when the provider could not be reached (pay later from the order page). */
  payment: { provider: "local" | "stripe"; url: string | null } | null;
};

/**
 * A purchase from the store's forms and from the JSON API alike: quote and commit the choice
 * (lib/orders), then ask the payment provider where to pay. The places are held once the
 * commit returns, so a provider that fails does not fail the purchase: the buyer pays from the
 * order page, where a checkout is started again. Refusals are OrderErrors, thrown.
 */
export async function startPurchase(options: {
  buyer: Buyer;
  choice: PurchaseChoice;
  eventId?: string;
  locale?: Locale;
  expectedTotalMinor?: number;
  /** The request's key: a retry of a purchase whose answer was lost gets the same order. */
  requestKey?: string;
}): Promise<StartedPurchase> {
  const { choice, ...rest } = options;
  const particulars = choice.particulars;
  const order =
    "items" in choice
      ? await reserveTickets({ ...rest, particulars, voucher: choice.voucher, input: { items: choice.items } })
      : await reserveBooking({ ...rest, particulars, input: choice.booking });
  // Paid (free, or a replayed order paid meanwhile), or a replayed order that is over: its page says so.
  if (order.status !== "pending") return { order, payment: null };
  const provider = await paymentProvider();
  try {
    // A guest comes back to the order by its private link; an account signs in, and its links carry none.
    const checkoutOrder = options.buyer.kind === "guest" ? order : { ...order, accessToken: undefined };
    return { order, payment: { provider: provider.name, url: (await provider.startCheckout(checkoutOrder)).url } };
  } catch (error) {
    logError("starting checkout failed; the buyer can pay from the order page", error, { orderId: order.id });
    return { order, payment: { provider: provider.name, url: null } };
  }
}
