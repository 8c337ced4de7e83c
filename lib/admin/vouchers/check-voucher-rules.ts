import "server-only";
import type { Db } from "@/lib/db/transaction";
import { formatMoney } from "@/lib/money";
import type { VoucherRules } from "./schemas";

type ScopeType = { id: string; name: string; event_id: string; title: string; price_minor: number; currency: string; hidden: boolean; lowest_minor: number };

/**
 * The rules of a voucher that need the database, as field errors (nothing is written):
 *  - the events and ticket types it names exist, and its types belong to its events;
 *  - it never makes a negative price: an amount off is at most the lowest list price (the
 *    type's own price or any of its tiers) of each type in its scope priced in its currency;
 *  - an amount or a set price covers some type of its scope (a type in another currency is
 *    not covered, lib/orders/voucher.ts);
 *  - it reveals hidden types only when its scope has one. Refused, not warned: a code that
 *    reveals nothing is a presale that sells nothing, and the admin would learn it from buyers.
 * With an empty scope (every event) the price checks are left to the quote: no list is named.
 */
export async function checkVoucherRules(db: Db, rules: VoucherRules): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (rules.eventIds.length > 0) {
    const found = await db.$queryRaw<{ id: string }[]>`SELECT id FROM events WHERE id = ANY(${rules.eventIds}::uuid[])`;
    if (found.length < new Set(rules.eventIds).size) errors.eventIds = "An event you chose no longer exists; reload the page";
  }
  if (rules.eventIds.length === 0 && rules.ticketTypeIds.length === 0) return errors;

  // The types in scope: the ones named, else every type of the events named (cancelled sessions aside).
  const types = await db.$queryRaw<ScopeType[]>`
    SELECT tt.id, tt.name, s.event_id, e.title, tt.price_minor, tt.currency::text AS currency, tt.hidden,
           least(tt.price_minor, (SELECT min(pt.price_minor) FROM price_tiers pt WHERE pt.ticket_type_id = tt.id)) AS lowest_minor
      FROM ticket_types tt JOIN event_sessions s ON s.id = tt.session_id JOIN events e ON e.id = s.event_id
     WHERE CASE WHEN cardinality(${rules.ticketTypeIds}::uuid[]) > 0 THEN tt.id = ANY(${rules.ticketTypeIds}::uuid[])
                ELSE s.event_id = ANY(${rules.eventIds}::uuid[]) AND NOT s.cancelled END
     ORDER BY e.title, tt.sort_order, tt.id`;
  if (rules.ticketTypeIds.length > 0) {
    if (types.length < new Set(rules.ticketTypeIds).size) errors.ticketTypeIds = "A ticket type you chose no longer exists; reload the page";
    const foreign = rules.eventIds.length > 0 ? types.filter((type) => !rules.eventIds.includes(type.event_id)) : [];
    if (foreign.length > 0) errors.ticketTypeIds ??= `${foreign.map((type) => `“${type.name}” (${type.title})`).join(", ")} ${foreign.length === 1 ? "is not a ticket type" : "are not ticket types"} of the events you chose`;
  }
  if (errors.eventIds || errors.ticketTypeIds) return errors;

  if (rules.kind !== "percent_off" && rules.currency) {
    const covered = types.filter((type) => type.currency.trim() === rules.currency);
    if (covered.length === 0) errors.currency = `No ticket type in this scope is priced in ${rules.currency}: the voucher would apply to nothing`;
    if (rules.kind === "amount_off") {
      const cheapest = covered.reduce<ScopeType | null>((low, type) => (low === null || type.lowest_minor < low.lowest_minor ? type : low), null);
      if (cheapest && rules.value > cheapest.lowest_minor) {
        const early = cheapest.lowest_minor < cheapest.price_minor ? " at its early price" : "";
        errors.value = `“${cheapest.name}” (${cheapest.title}) costs ${formatMoney(cheapest.lowest_minor, rules.currency)}${early}: taking off more would make a negative price. Take off at most ${(cheapest.lowest_minor / 100).toFixed(2)}, or narrow the scope.`;
      }
    }
  }
  if (rules.revealsHidden && !types.some((type) => type.hidden)) {
    errors.revealsHidden = "No ticket type in this scope is hidden, so there is nothing to reveal. Mark a ticket type hidden in its event first, or widen the scope.";
  }
  return errors;
}
