import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import type { Buyer } from "./buyer";
import { isOrderError } from "./errors";
import { placeOrder, type ReservedOrder } from "./place-order";
import type { Quote, QuoteResult, SaleRules } from "./quote";
import { fromRefusal, type OrderRefusal } from "./refusals";
import { saleRulesFor, type SaleRulesKey } from "./sale-rules";

// Refusals of the commit that a stale kept copy of the rules can cause.
const MOVED_SINCE_COPY = new Set<string>(["price_changed", "rules_changed"]);

/**
 * Quote, then commit: `quoteWith` prices the choice under the event's rules (kept a few seconds
 * per process, so a crowd is quoted without a round trip each) and `placeOrder` commits it in
 * ONE database call that re-checks it under the locks. When the kept rules were stale (the
 * commit found another price or other rules) the choice is quoted once more on fresh rules and
 * committed only if its total is still the one the buyer saw (`expectedTotalMinor`, else the first quote's): a price that moved is refused as
 * `price_changed`, never charged silently.
 */
export async function quoteAndPlace(options: {
  key: SaleRulesKey;
  quoteWith: (rules: SaleRules) => QuoteResult<Quote>;
  /** The refusal when the key names no event. */
  noEvent: OrderRefusal;
  buyer: Buyer;
  locale?: Locale;
  expectedTotalMinor?: number;
  requestKey?: string;
}): Promise<ReservedOrder> {
  let fresh = false;
  const quoteOn = async (readAfresh: boolean) => {
    const found = await saleRulesFor(options.key, { fresh: readAfresh });
    fresh = found.fresh;
    return found.rules ? options.quoteWith(found.rules) : options.noEvent;
  };
  let quoted = await quoteOn(false);
  // A refusal is never answered from a kept copy: the rules may have changed since (a new
  // ticket type, longer hours). Refusals are the rare path; the crowd's is the commit's sold out.
  if (!quoted.ok && !fresh) quoted = await quoteOn(true);
  if (!quoted.ok) throw fromRefusal(quoted);
  const seen = options.expectedTotalMinor ?? quoted.quote.totalMinor;
  if (quoted.quote.totalMinor !== seen) throw fromRefusal({ ok: false, code: "price_changed", priceMinor: quoted.quote.totalMinor, currency: quoted.quote.currency });
  try {
    return await placeOrder({ buyer: options.buyer, quote: quoted.quote, locale: options.locale, requestKey: options.requestKey });
  } catch (error) {
    if (fresh || !isOrderError(error) || !MOVED_SINCE_COPY.has(error.code)) throw error;
    const again = await quoteOn(true);
    if (!again.ok) throw fromRefusal(again);
    if (again.quote.totalMinor !== seen) throw error;
    return placeOrder({ buyer: options.buyer, quote: again.quote, locale: options.locale, requestKey: options.requestKey });
  }
}
