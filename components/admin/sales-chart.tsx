import type { SalesBucket } from "@/lib/analytics/analytics-sql";
import { layoutBarChart, type ChartLayout } from "@/lib/analytics/chart";
import { formatMoney } from "@/lib/money";

type Props = { buckets: SalesBucket[]; bucket: "day" | "week" | "month" };

function bucketLabel(start: string, bucket: Props["bucket"], short = false): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (bucket === "month") return new Intl.DateTimeFormat("en-GB", { month: short ? "short" : "long", year: "numeric", timeZone: "UTC" }).format(date);
  const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(date);
  return bucket === "week" && !short ? `Week of ${day}` : day;
}

/**
 * Tickets sold per day, week or month as server-rendered SVG: a title and a description
 * say what it shows (and the peak), and the table under it has every number, so nothing
 * depends on seeing the bars.
 */
export function SalesChart({ buckets, bucket }: Props) {
  const points = buckets.map((point) => ({ label: bucketLabel(point.start, bucket, true), value: point.tickets }));
  const total = buckets.reduce((sum, point) => sum + point.tickets, 0);
  const peak = buckets.reduce<SalesBucket | null>((best, point) => (!best || point.tickets > best.tickets ? point : best), null);
  const unit = bucket === "day" ? "day" : bucket === "week" ? "week" : "month";
  const description =
    total === 0
      ? `No tickets were sold in this period.`
      : `${total} tickets over ${buckets.length} ${unit}s; the best ${unit} was ${bucketLabel(peak!.start, bucket)} with ${peak!.tickets}.`;
  const currencies = [...new Set(buckets.flatMap((point) => point.gross.map((money) => money.currency)))].sort();

  return (
    <figure className="flex flex-col gap-3">
      {/* Drawn for the width it is shown at, so its labels keep their size: a phone's chart
          (issue 33: shrunk from the wide one, its labels were 5 px) and a wide screen's. */}
      <ChartSvg layout={layoutBarChart(points, { width: 340, height: 220 }, 4)} id="sales-chart-phone" title={`Tickets sold per ${unit}`} description={description} className="sm:hidden" />
      <ChartSvg layout={layoutBarChart(points)} id="sales-chart" title={`Tickets sold per ${unit}`} description={description} className="hidden sm:block" />
      <figcaption className="text-sm text-stone-700">{description}</figcaption>
      <details className="rounded-2xl border border-stone-200 bg-white">
        <summary className="cursor-pointer p-3 font-medium text-brand-700">Sales per {unit} as a table</summary>
        <div className="max-h-96 overflow-auto" role="region" aria-label={`Sales per ${unit}`} tabIndex={0}>
          <table className="w-full text-sm">
            <caption className="sr-only">{`Orders, tickets and gross revenue per ${unit}`}</caption>
            <thead className="sticky top-0 bg-stone-50 text-left">
              <tr>
                <th scope="col" className="p-2">{bucket === "day" ? "Day" : bucket === "week" ? "Week of" : "Month"}</th>
                <th scope="col" className="p-2 text-right">Orders</th>
                <th scope="col" className="p-2 text-right">Tickets</th>
                {currencies.map((currency) => <th key={currency} scope="col" className="p-2 text-right">Gross {currency}</th>)}
              </tr>
            </thead>
            <tbody className="divide-y divide-stone-100">
              {buckets.map((point) => (
                <tr key={point.start}>
                  <th scope="row" className="p-2 text-left font-normal">{bucketLabel(point.start, bucket)}</th>
                  <td className="p-2 text-right tabular-nums">{point.orders}</td>
                  <td className="p-2 text-right tabular-nums">{point.tickets}</td>
                  {currencies.map((currency) => {
                    const minor = point.gross.find((money) => money.currency === currency)?.minor ?? 0;
                    return <td key={currency} className="p-2 text-right tabular-nums">{minor === 0 ? "–" : formatMoney(minor, currency)}</td>;
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

function ChartSvg({ layout, id, title, description, className }: { layout: ChartLayout; id: string; title: string; description: string; className: string }) {
  return (
    <svg viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className={`h-auto w-full rounded-2xl border border-stone-200 bg-white ${className}`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g aria-hidden="true">
        {layout.ticks.map((tick) => (
          <g key={tick.value}>
            <line x1={layout.plot.left} x2={layout.plot.right} y1={tick.y} y2={tick.y} className="stroke-stone-200" strokeWidth={1} />
            <text x={layout.plot.left - 6} y={tick.y + 4} textAnchor="end" className="fill-stone-600 text-[11px]">{tick.value}</text>
          </g>
        ))}
        {layout.bars.map((bar) => (
          <rect key={bar.label + bar.x} x={bar.x} y={bar.y} width={bar.width} height={bar.height} rx={Math.min(3, bar.width / 3)} className="fill-brand-600" />
        ))}
        {layout.labelled.map((index) => (
          <text key={index} x={layout.bars[index].x + layout.bars[index].width / 2} y={layout.height - 8} textAnchor="middle" className="fill-stone-600 text-[11px]">
            {layout.bars[index].label}
          </text>
        ))}
      </g>
    </svg>
  );
}
