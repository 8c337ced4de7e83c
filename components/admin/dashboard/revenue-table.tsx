import type { RevenueRow } from "@/lib/analytics/analytics-sql";
import { formatMoney } from "@/lib/money";

/** Gross, refunded, refunds owed and net per currency. */
export function RevenueTable({ revenue }: { revenue: RevenueRow[] }) {
  return (
    <section aria-labelledby="revenue-heading" className="flex flex-col gap-3">
      <h2 id="revenue-heading" className="text-lg font-semibold">Revenue</h2>
      <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white" role="region" aria-label="Revenue table" tabIndex={0}>
        <table className="w-full text-sm" data-testid="revenue-table">
          <caption className="sr-only">Revenue per currency: gross, refunded, refunds owed and net</caption>
          <thead className="bg-stone-50 text-left">
            <tr>
              <th scope="col" className="p-3">Currency</th>
              <th scope="col" className="p-3 text-right">Orders</th>
              <th scope="col" className="p-3 text-right">Gross</th>
              <th scope="col" className="p-3 text-right">Refunded</th>
              <th scope="col" className="p-3 text-right">Refunds owed</th>
              <th scope="col" className="p-3 text-right">Net</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {revenue.map((row) => (
              <tr key={row.currency}>
                <th scope="row" className="p-3 text-left">{row.currency}</th>
                <td className="p-3 text-right tabular-nums">{row.orders}</td>
                <td className="p-3 text-right tabular-nums">{formatMoney(row.grossMinor, row.currency)}</td>
                <td className="p-3 text-right tabular-nums">{row.refundedMinor ? formatMoney(row.refundedMinor, row.currency) : "–"}</td>
                <td className="p-3 text-right tabular-nums">{row.refundPendingMinor ? formatMoney(row.refundPendingMinor, row.currency) : "–"}</td>
                <td className="p-3 text-right font-semibold tabular-nums">{formatMoney(row.netMinor, row.currency)}</td>
              </tr>
            ))}
            {revenue.length === 0 ? <tr><td colSpan={6} className="p-3 text-stone-700">No sales in this period.</td></tr> : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
