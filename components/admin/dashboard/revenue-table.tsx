import { STACKED } from "@/components/admin/stacked-table";
import type { RevenueRow } from "@/lib/analytics/analytics-sql";
import { formatMoney } from "@/lib/money";

const cell = `p-3 text-right tabular-nums ${STACKED.cell}`;

/** Gross, refunded, refunds owed and net per currency; a card per currency on a phone. */
export function RevenueTable({ revenue }: { revenue: RevenueRow[] }) {
  return (
    <section aria-labelledby="revenue-heading" className="flex flex-col gap-3">
      <h2 id="revenue-heading" className="text-lg font-semibold">Revenue</h2>
      <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white" role="region" aria-label="Revenue table" tabIndex={0}>
        <table className={STACKED.table} data-testid="revenue-table">
          <caption className="sr-only">Revenue per currency: gross, refunded, refunds owed and net</caption>
          <thead className={STACKED.head}>
            <tr>
              <th scope="col" className="p-3">Currency</th>
              <th scope="col" className="p-3 text-right">Orders</th>
              <th scope="col" className="p-3 text-right">Gross</th>
              <th scope="col" className="p-3 text-right">Refunded</th>
              <th scope="col" className="p-3 text-right">Refunds owed</th>
              <th scope="col" className="p-3 text-right">Net</th>
            </tr>
          </thead>
          <tbody className={STACKED.body}>
            {revenue.map((row) => (
              <tr key={row.currency} className={STACKED.row}>
                <th scope="row" className={`p-3 text-left ${STACKED.rowHeader}`}>{row.currency}</th>
                <td className={cell} data-label="Orders">{row.orders}</td>
                <td className={cell} data-label="Gross">{formatMoney(row.grossMinor, row.currency)}</td>
                <td className={cell} data-label="Refunded">{row.refundedMinor ? formatMoney(row.refundedMinor, row.currency) : "–"}</td>
                <td className={cell} data-label="Refunds owed">{row.refundPendingMinor ? formatMoney(row.refundPendingMinor, row.currency) : "–"}</td>
                <td className={`${cell} font-semibold`} data-label="Net">{formatMoney(row.netMinor, row.currency)}</td>
              </tr>
            ))}
            {revenue.length === 0 ? <tr className="max-sm:block"><td colSpan={6} className="p-3 text-stone-700 max-sm:block">No sales in this period.</td></tr> : null}
          </tbody>
        </table>
      </div>
    </section>
  );
}
