import type { Analytics } from "@/lib/analytics/analytics-sql";
import { moneyList, percent } from "./format";

/** The four headline figures of the range. */
export function SummaryCards({ analytics }: { analytics: Analytics }) {
  return (
    <section aria-labelledby="summary-heading" className="flex flex-col gap-3">
      <h2 id="summary-heading" className="text-lg font-semibold">At a glance</h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {[
          { label: "Tickets sold", value: String(analytics.ticketsSold), testId: "tickets-sold" },
          { label: "Paid orders", value: String(analytics.ordersPaid), testId: "orders-paid" },
          { label: "Holds that became orders", value: percent(analytics.conversion.rate), note: `${analytics.conversion.paid} of ${analytics.conversion.created} started`, testId: "conversion" },
          { label: "Net revenue", value: moneyList(analytics.revenue.map((row) => ({ currency: row.currency, minor: row.netMinor }))), testId: "net-revenue" },
        ].map((item) => (
          <div key={item.label} className="flex flex-col gap-1 rounded-2xl border border-stone-200 bg-white p-4">
            <dt className="text-sm text-stone-700">{item.label}</dt>
            <dd className="text-2xl font-bold tabular-nums" data-testid={item.testId}>{item.value}</dd>
            {item.note ? <dd className="text-sm text-stone-600">{item.note}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
