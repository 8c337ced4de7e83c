import type { VoucherScopeEvent } from "@/components/admin/voucher-form";
import type { ScopeEvent } from "@/lib/admin/vouchers/voucher-scope-options";
import { formatMoney } from "@/lib/money";

/** The scope's events as the form shows them (dates in UTC, like the voucher's window). */
export function toScopeEvents(events: ScopeEvent[]): VoucherScopeEvent[] {
  return events.map((event) => ({
    id: event.id,
    title: event.title,
    types: event.types.map((type) => ({
      id: type.id,
      name: type.name,
      hidden: type.hidden,
      when: `${type.when.toISOString().slice(0, 16).replace("T", " ")} UTC`,
      price: formatMoney(type.priceMinor, type.currency),
    })),
  }));
}
