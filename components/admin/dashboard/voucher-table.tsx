import Link from "next/link";
import { STACKED } from "@/components/admin/stacked-table";
import type { Analytics } from "@/lib/analytics/analytics-sql";
import { moneyList } from "./format";

const cell = `p-3 ${STACKED.cell}`;
const figure = `${cell} text-right tabular-nums`;

/** Sales with a code in the range: per code (the 20 with most orders) and per batch (tag); a card per row on a phone. */
export function VoucherTable({ vouchers }: { vouchers: Analytics["vouchers"] }) {
  return (
    <section aria-labelledby="vouchers-heading" className="flex flex-col gap-3">
      <h2 id="vouchers-heading" className="text-lg font-semibold">Vouchers</h2>
      {vouchers.codes.length === 0 ? (
        <p className="text-stone-700">No paid order used a voucher in this period.</p>
      ) : (
        <>
          <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white" role="region" aria-label="Sales per code" tabIndex={0}>
            <table className={STACKED.table} data-testid="voucher-codes-table">
              <caption className="sr-only">Per code: places used of its limit, paid orders, revenue and discount in this period</caption>
              <thead className={STACKED.head}>
                <tr>
                  <th scope="col" className="p-3">Code</th>
                  <th scope="col" className="p-3">Tag</th>
                  <th scope="col" className="p-3 text-right">Uses</th>
                  <th scope="col" className="p-3 text-right">Paid orders</th>
                  <th scope="col" className="p-3 text-right">Revenue</th>
                  <th scope="col" className="p-3 text-right">Discount</th>
                </tr>
              </thead>
              <tbody className={STACKED.body}>
                {vouchers.codes.slice(0, 20).map((row) => (
                  <tr key={row.voucherId} className={STACKED.row}>
                    <th scope="row" className={`p-3 text-left ${STACKED.rowHeader}`}>
                      <Link href={`/admin/vouchers/${row.voucherId}`} className="break-all font-mono font-semibold text-brand-700 underline-offset-2 hover:underline">{row.code}</Link>
                    </th>
                    <td className={`${cell} break-all ${row.tag ? "" : STACKED.emptyCell}`} data-label="Tag">{row.tag || "–"}</td>
                    <td className={figure} data-label="Uses">{row.uses} / {row.maxUses}</td>
                    <td className={figure} data-label="Paid orders">{row.orders}</td>
                    <td className={figure} data-label="Revenue">{moneyList(row.revenue)}</td>
                    <td className={figure} data-label="Discount">{moneyList(row.discount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white" role="region" aria-label="Sales per tag" tabIndex={0}>
            <table className={STACKED.table} data-testid="voucher-tags-table">
              <caption className="sr-only">Per tag: codes, places used, paid orders, revenue and discount in this period</caption>
              <thead className={STACKED.head}>
                <tr>
                  <th scope="col" className="p-3">Tag</th>
                  <th scope="col" className="p-3 text-right">Codes</th>
                  <th scope="col" className="p-3 text-right">Uses</th>
                  <th scope="col" className="p-3 text-right">Paid orders</th>
                  <th scope="col" className="p-3 text-right">Revenue</th>
                  <th scope="col" className="p-3 text-right">Discount</th>
                </tr>
              </thead>
              <tbody className={STACKED.body}>
                {vouchers.tags.map((row) => (
                  <tr key={row.tag} className={STACKED.row}>
                    <th scope="row" className={`p-3 text-left break-all ${STACKED.rowHeader}`}>{row.tag || "No tag"}</th>
                    <td className={figure} data-label="Codes">{row.codes}</td>
                    <td className={figure} data-label="Uses">{row.uses}</td>
                    <td className={figure} data-label="Paid orders">{row.orders}</td>
                    <td className={figure} data-label="Revenue">{moneyList(row.revenue)}</td>
                    <td className={figure} data-label="Discount">{moneyList(row.discount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
