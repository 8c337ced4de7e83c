import Link from "next/link";
import type { Analytics } from "@/lib/analytics/analytics-sql";

const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000).toISOString().slice(0, 10);

/** The dashboard's date range: a form, quick ranges, and the CSV exports of that range. */
export function RangeForm({ range, rangeError }: { range: Analytics["range"]; rangeError: string | null }) {
  const rangeQuery = new URLSearchParams({ from: range.from, to: range.to });
  const today = daysAgo(0);
  const presets = [
    { label: "Last 7 days", from: daysAgo(6) },
    { label: "Last 30 days", from: daysAgo(29) },
    { label: "Last 90 days", from: daysAgo(89) },
    { label: "Last 12 months", from: daysAgo(364) },
  ];
  return (
    <>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Date range">
        <div className="flex flex-col gap-1">
          <label htmlFor="range-from" className="text-sm font-medium">From</label>
          <input id="range-from" name="from" type="date" defaultValue={range.from} className="min-h-11 rounded-lg border border-stone-300 bg-white px-3" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="range-to" className="text-sm font-medium">To</label>
          <input id="range-to" name="to" type="date" defaultValue={range.to} className="min-h-11 rounded-lg border border-stone-300 bg-white px-3" />
        </div>
        <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">Show</button>
      </form>
      <ul className="flex flex-wrap gap-2 text-sm" aria-label="Quick ranges">
        {presets.map((preset) => (
          <li key={preset.label}>
            <Link href={`/admin?${new URLSearchParams({ from: preset.from, to: today })}`} className="inline-flex min-h-11 items-center rounded-full border border-stone-300 bg-white px-3 hover:bg-stone-100">{preset.label}</Link>
          </li>
        ))}
      </ul>
      {rangeError ? <p role="alert" className="rounded-lg bg-amber-50 p-3 text-amber-900">{rangeError}</p> : null}
      <p className="text-sm text-stone-700">
        {range.from} to {range.to} (UTC days) · Export CSV:{" "}
        <a href={`/api/admin/analytics/export?${rangeQuery}&report=sessions`} className="font-medium text-brand-700 underline">events and sessions</a>,{" "}
        <a href={`/api/admin/analytics/export?${rangeQuery}&report=sales`} className="font-medium text-brand-700 underline">sales per {range.bucket}</a>,{" "}
        <a href={`/api/admin/analytics/export?${rangeQuery}&report=revenue`} className="font-medium text-brand-700 underline">revenue</a>,{" "}
        <a href={`/api/admin/analytics/export?${rangeQuery}&report=vouchers`} className="font-medium text-brand-700 underline">vouchers</a>
      </p>
    </>
  );
}
