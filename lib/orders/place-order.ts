import "server-only";
import { env } from "@/lib/env";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import { sql } from "@/lib/db";
import { countOrderHold, countOrderOutcome } from "@/lib/ops/metrics";
import { currentRequestId } from "@/lib/ops/request-context";
import type { Buyer } from "./buyer";
import { newOrderReference } from "./codes";
import { newAccessToken } from "./order-access";
import { sweepWhenHoldExpires } from "./hold-expiry-timer";
import type { Quote } from "./quote";
import { fromRefusal, type PlaceAnswer } from "./refusals";
import { forgetSaleRules } from "./sale-rules";
import type { OrderStatus } from "@/lib/generated/prisma/enums";

export type ReservedOrder = {
  id: string;
  reference: string;
  /** pending or paid when just placed; a replayed order may have moved on (expired, cancelled…). */
  status: OrderStatus;
  totalMinor: number;
  currency: string;
  holdExpiresAt: Date;
  /** The request's key had already made this order: the same answer again, nothing new held. */
  replayed: boolean;
  /** A private link to the order (`/orders/<id>?access=…`): opens it without an account. */
  accessToken: string;
};

/** The quote as `order_place` reads it (prisma/functions/order_place.sql): ids, quantities and prices, no names; the holders and answers it keeps. */
export function quoteForCommit(quote: Quote) {
  const common = {
    kind: quote.kind,
    eventId: quote.eventId,
    eventNamed: quote.eventNamed,
    currency: quote.currency,
    totalMinor: quote.totalMinor,
    attendees: quote.particulars?.attendees ?? [],
    answers: quote.particulars?.answers ?? {},
  };
  if (quote.kind === "tickets") {
    return {
      ...common,
      lines: quote.lines.map(({ ticketTypeId, quantity, unitPriceMinor }) => ({ ticketTypeId, quantity, unitPriceMinor })),
      ...(quote.voucher ? { voucherId: quote.voucher.id } : {}),
    };
  }
  return {
    ...common,
    resourceId: quote.resourceId,
    start: quote.start.toISOString(),
    minutes: quote.minutes,
    rules: quote.rules,
    unitPriceMinor: quote.unitPriceMinor,
    ...(quote.waitlistEntryId ? { waitlistEntryId: quote.waitlistEntryId } : {}),
  };
}

/**
 * The commit: ONE call of `order_place`, which re-checks the quote under the locks (the buyer,
 * then ticket types by id, then the resource), refusing before any write, and writes the
 * pending order with its lines or booking. A free order is confirmed at once (tickets issued,
 * delivery queued). `locale`: the buyer's language, kept for the email and the PDF tickets.
 * `requestKey`: the request's own key; a request that already made an order gets it back.
 */
export async function placeOrder(options: { buyer: Buyer; quote: Quote; locale?: Locale; requestKey?: string }): Promise<ReservedOrder> {
  const settings = env();
  const access = newAccessToken();
  const [{ result }] = await sql<{ result: PlaceAnswer }>`
    SELECT order_place(
      ${JSON.stringify(options.buyer)}::jsonb, ${JSON.stringify(quoteForCommit(options.quote))}::jsonb, ${newOrderReference()},
      ${settings.HOLD_MINUTES}::int, ${settings.MAX_HELD_PLACES_PER_USER}::int, ${currentRequestId() ?? null},
      ${options.locale ?? DEFAULT_LOCALE}, ${options.requestKey ?? null}, ${access.hash}
    ) AS result`;
  if (!result.ok) {
    if (result.code === "sold_out" || result.code === "not_enough") countOrderOutcome("sold_out");
    // The kept rules said otherwise: the next quote reads them afresh.
    if (result.code === "price_changed" || result.code === "rules_changed" || result.code === "not_on_sale" || result.code === "not_found") forgetSaleRules(options.quote.eventId);
    throw fromRefusal(result);
  }
  const holdExpiresAt = new Date(result.holdExpiresAt);
  if (result.replayed) return { ...result, holdExpiresAt, replayed: true, accessToken: access.token };
  countOrderHold();
  if (result.status === "paid") countOrderOutcome("sold");
  if (result.status === "pending") sweepWhenHoldExpires(holdExpiresAt);
  return { ...result, holdExpiresAt, replayed: false, accessToken: access.token };
}
