import { adminTitle } from "./admin-title";
import Link from "next/link";
import { formatAge, PipelineTable } from "@/components/admin/pipeline-table";
import { SalesChart } from "@/components/admin/sales-chart";
import { StatusBadge } from "@/components/admin/status-badge";
import { requireAdminActor } from "@/lib/admin/require-admin";
import type { Money } from "@/lib/analytics/analytics-sql";
import { getAnalytics } from "@/lib/analytics/get-analytics";
import { formatMoney } from "@/lib/money";
import type { PageSearchParams } from "@/lib/search-params";
import { formatInZone } from "@/lib/time";

export const generateMetadata = adminTitle("Dashboard");

const percent = (value: number | null) => (value === null ? "–" : `${(value * 100).toFixed(value < 0.1 ? 1 : 0)}%`);
const moneyList = (amounts: Money[]) => (amounts.length === 0 ? "–" : amounts.map((money) => formatMoney(money.minor, money.currency)).join(" · "));
const daysAgo = (days: number) => new Date(Date.now() - days * 24 * 3600_000).toISOString().slice(0, 10);

export default async function AdminDashboardPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const query = await searchParams;
  const { analytics, rangeError } = await getAnalytics({ actor, query: { from: query.from, to: query.to } });
  const { range } = analytics;
  const rangeQuery = new URLSearchParams({ from: range.from, to: range.to });
  const today = daysAgo(0);
  const presets = [
    { label: "Last 7 days", from: daysAgo(6) },
    { label: "Last 30 days", from: daysAgo(29) },
    { label: "Last 90 days", from: daysAgo(89) },
    { label: "Last 12 months", from: daysAgo(364) },
  ];

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Dashboard</h1>
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
          <a href={`/api/admin/analytics/export?${rangeQuery}&report=revenue`} className="font-medium text-brand-700 underline">revenue</a>
        </p>
      </div>

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
              {analytics.revenue.map((row) => (
                <tr key={row.currency}>
                  <th scope="row" className="p-3 text-left">{row.currency}</th>
                  <td className="p-3 text-right tabular-nums">{row.orders}</td>
                  <td className="p-3 text-right tabular-nums">{formatMoney(row.grossMinor, row.currency)}</td>
                  <td className="p-3 text-right tabular-nums">{row.refundedMinor ? formatMoney(row.refundedMinor, row.currency) : "–"}</td>
                  <td className="p-3 text-right tabular-nums">{row.refundPendingMinor ? formatMoney(row.refundPendingMinor, row.currency) : "–"}</td>
                  <td className="p-3 text-right font-semibold tabular-nums">{formatMoney(row.netMinor, row.currency)}</td>
                </tr>
              ))}
              {analytics.revenue.length === 0 ? <tr><td colSpan={6} className="p-3 text-stone-700">No sales in this period.</td></tr> : null}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="sales-heading" className="flex flex-col gap-3">
        <h2 id="sales-heading" className="text-lg font-semibold">Sales over time</h2>
        <SalesChart buckets={analytics.salesOverTime} bucket={range.bucket} />
      </section>

      <section aria-labelledby="top-heading" className="flex flex-col gap-3">
        <h2 id="top-heading" className="text-lg font-semibold">Top events</h2>
        {analytics.events.length === 0 ? <p className="text-stone-700">No event sold tickets in this period.</p> : (
          <ol className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white" data-testid="top-events">
            {analytics.events.slice(0, 5).map((event, index) => (
              <li key={event.eventId} className="flex flex-wrap items-baseline justify-between gap-2 p-4" data-testid="top-event">
                <span>
                  <span className="mr-2 font-semibold text-stone-500">{index + 1}.</span>
                  <Link href={`/admin/events/${event.eventId}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">{event.title}</Link>
                </span>
                <span className="text-sm tabular-nums">
                  <span data-testid="top-event-tickets">{event.tickets} tickets</span> · <span data-testid="top-event-net">{moneyList(event.net)}</span>
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="per-event-heading" className="flex flex-col gap-3">
        <h2 id="per-event-heading" className="text-lg font-semibold">Tickets per event and session</h2>
        <p className="text-sm text-stone-700">
          {analytics.events.length === 50 ? "The 50 best-selling events" : "Events"} that sold in the period. “In range” and “net” count paid orders of the
          period; “sold”, “held” and sell-through are today&apos;s figures against capacity.
        </p>
        <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white" role="region" aria-label="Tickets per event and session table" tabIndex={0}>
          <table className="w-full min-w-[40rem] text-sm">
            <caption className="sr-only">Tickets sold per event and per session, with sell-through</caption>
            <thead className="bg-stone-50 text-left">
              <tr>
                <th scope="col" className="p-3">Event / session</th>
                <th scope="col" className="p-3 text-right">In range</th>
                <th scope="col" className="p-3 text-right">Net in range</th>
                <th scope="col" className="p-3 text-right">Sold</th>
                <th scope="col" className="p-3 text-right">Held</th>
                <th scope="col" className="p-3 text-right">Capacity</th>
                <th scope="col" className="p-3 text-right">Sell-through</th>
              </tr>
            </thead>
            {analytics.events.map((event) => (
              <tbody key={event.eventId} className="border-t border-stone-200">
                <tr className="bg-stone-50/60" data-testid="event-figures">
                  <th scope="rowgroup" className="p-3 text-left">
                    <Link href={`/admin/events/${event.eventId}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">{event.title}</Link>{" "}
                    {event.status !== "published" ? <StatusBadge status={event.status} /> : null}
                  </th>
                  <td className="p-3 text-right font-semibold tabular-nums" data-testid="event-tickets">{event.tickets}</td>
                  <td className="p-3 text-right tabular-nums" data-testid="event-net">{moneyList(event.net)}</td>
                  <td className="p-3 text-right tabular-nums">{event.sold}</td>
                  <td className="p-3 text-right tabular-nums">–</td>
                  <td className="p-3 text-right tabular-nums">{event.capacity || "–"}</td>
                  <td className="p-3 text-right tabular-nums">{percent(event.sellThrough)}</td>
                </tr>
                {event.sessions.map((session) => (
                  <tr key={session.sessionId}>
                    <th scope="row" className="p-3 pl-6 text-left font-normal">
                      {formatInZone(session.startsAt, session.timeZone, { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })}
                      {session.cancelled ? " (cancelled)" : ""}
                    </th>
                    <td className="p-3 text-right tabular-nums">{session.tickets}</td>
                    <td className="p-3 text-right tabular-nums">–</td>
                    <td className="p-3 text-right tabular-nums">{session.sold}</td>
                    <td className="p-3 text-right tabular-nums">{session.held}</td>
                    <td className="p-3 text-right tabular-nums">{session.capacity}</td>
                    <td className="p-3 text-right tabular-nums">{percent(session.sellThrough)}</td>
                  </tr>
                ))}
              </tbody>
            ))}
            {analytics.events.length === 0 ? <tbody><tr><td colSpan={7} className="p-3 text-stone-700">No sales in this period.</td></tr></tbody> : null}
          </table>
        </div>
      </section>

      <section aria-labelledby="pipeline-heading" className="flex flex-col gap-3">
        <h2 id="pipeline-heading" className="text-lg font-semibold">Delivery pipeline</h2>
        <p className="text-sm text-stone-700">
          {analytics.oldestDueJobSeconds === null ? "No job is waiting." : `The oldest due job has waited ${formatAge(analytics.oldestDueJobSeconds)}.`}{" "}
          <Link href="/admin/jobs" className="font-medium text-brand-700 underline">Dead jobs</Link>
        </p>
        <PipelineTable rows={analytics.pipeline} caption="Open jobs by kind and status, and jobs finished in the period" succeededLabel="succeeded in period" />
      </section>
    </div>
  );
}
