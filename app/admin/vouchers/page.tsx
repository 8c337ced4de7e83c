import Link from "next/link";
import { adminTitle } from "@/app/admin/admin-title";
import { STACKED } from "@/components/admin/stacked-table";
import { Pagination } from "@/components/pagination";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { listVouchers } from "@/lib/admin/vouchers/list-vouchers";
import { listVoucherScopeOptions } from "@/lib/admin/vouchers/voucher-scope-options";
import { describeVoucherValue } from "@/lib/admin/vouchers/voucher-view";
import { firstParam, type PageSearchParams } from "@/lib/search-params";

export const generateMetadata = adminTitle("Vouchers");

const utc = (instant: Date | null) => (instant ? `${instant.toISOString().slice(0, 16).replace("T", " ")}` : null);
const cell = `p-3 ${STACKED.cell}`;
const button = "inline-flex min-h-11 items-center rounded-xl px-4 font-semibold";

export default async function VouchersPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const query = await searchParams;
  const tag = firstParam(query.tag) ?? "";
  const event = firstParam(query.event) ?? "";
  const [list, events] = await Promise.all([
    listVouchers({ actor, query: { tag, event, page: firstParam(query.page) } }),
    listVoucherScopeOptions({ actor }),
  ]);
  const notice =
    firstParam(query.notice) === "generated" ? `${firstParam(query.count) ?? "The"} codes generated under the tag “${tag}”.` : firstParam(query.notice) === "deleted" ? "The voucher was deleted." : null;
  const hrefFor = (page: number) => `/admin/vouchers?${new URLSearchParams({ tag, event, page: String(page) })}`;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Vouchers</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/vouchers/new" className={`${button} bg-brand-600 text-white hover:bg-brand-700`}>New voucher</Link>
          <Link href="/admin/vouchers/generate" className={`${button} border border-stone-300 bg-white hover:bg-stone-100`}>Generate codes</Link>
        </div>
      </div>
      {notice ? <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">{notice}</p> : null}

      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Vouchers">
        <div className="flex min-w-40 flex-1 flex-col gap-1">
          <label htmlFor="vouchers-tag" className="text-sm font-medium">Tag</label>
          <select id="vouchers-tag" name="tag" defaultValue={tag} className="min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3">
            <option value="">Any</option>
            {list.tags.map((entry) => <option key={entry.tag} value={entry.tag}>{entry.tag} ({entry.count})</option>)}
          </select>
        </div>
        <div className="flex min-w-40 flex-1 flex-col gap-1">
          <label htmlFor="vouchers-event" className="text-sm font-medium">Event</label>
          <select id="vouchers-event" name="event" defaultValue={event} className="min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3">
            <option value="">Any</option>
            {events.map((option) => <option key={option.id} value={option.id}>{option.title}</option>)}
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 font-medium hover:bg-stone-100">Filter</button>
      </form>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-700" data-testid="voucher-count">{list.total} {list.total === 1 ? "voucher" : "vouchers"}</p>
        {list.filter.tag ? (
          <a href={`/api/admin/vouchers/export?${new URLSearchParams({ tag: list.filter.tag })}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" download>
            Download the “{list.filter.tag}” codes (CSV)
          </a>
        ) : null}
      </div>
      <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white" role="region" aria-label="Vouchers table" tabIndex={0}>
        <table className={STACKED.table} data-testid="vouchers-table">
          <caption className="sr-only">Vouchers: what each takes off, where it applies, its uses, its window and its tag</caption>
          <thead className={STACKED.head}>
            <tr>
              <th scope="col" className="p-3">Code</th>
              <th scope="col" className="p-3">Value</th>
              <th scope="col" className="p-3">Scope</th>
              <th scope="col" className="p-3 text-right">Uses</th>
              <th scope="col" className="p-3">Valid (UTC)</th>
              <th scope="col" className="p-3">Tag</th>
            </tr>
          </thead>
          <tbody className={STACKED.body}>
            {list.vouchers.map((voucher) => (
              <tr key={voucher.id} className={STACKED.row} data-testid="voucher-row">
                <th scope="row" className={`p-3 text-left ${STACKED.rowHeader}`}>
                  <Link href={`/admin/vouchers/${voucher.id}`} className="break-all font-mono font-semibold text-brand-700 underline-offset-2 hover:underline">{voucher.code}</Link>
                  {voucher.revealsHidden ? <span className="ml-2 text-xs font-normal text-stone-700">reveals hidden</span> : null}
                </th>
                <td className={cell} data-label="Value">{describeVoucherValue(voucher)}</td>
                <td className={`${cell} break-words`} data-label="Scope">{voucher.scope}</td>
                <td className={`${cell} text-right tabular-nums`} data-label="Uses">{voucher.uses} / {voucher.maxUses}</td>
                <td className={cell} data-label="Valid">
                  {voucher.validFrom || voucher.validUntil ? `${utc(voucher.validFrom) ?? "now"} – ${utc(voucher.validUntil) ?? "open"}` : "Always"}
                </td>
                <td className={`${cell} break-all`} data-label="Tag">{voucher.tag || "–"}</td>
              </tr>
            ))}
            {list.vouchers.length === 0 ? <tr className="max-sm:block"><td colSpan={6} className="p-3 text-stone-700 max-sm:block">No vouchers match.</td></tr> : null}
          </tbody>
        </table>
      </div>
      <Pagination page={list.page} pageCount={list.pages} hrefFor={hrefFor} />
    </div>
  );
}
