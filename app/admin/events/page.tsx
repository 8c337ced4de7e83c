import { adminTitle } from "@/app/admin/admin-title";
import Link from "next/link";
import { StatusBadge } from "@/components/admin/status-badge";
import { Pagination } from "@/components/pagination";
import { listAdminEvents } from "@/lib/admin/events/list-events";
import { requireAdminActor } from "@/lib/admin/require-admin";
import { firstParam, type PageSearchParams } from "@/lib/search-params";

export const generateMetadata = adminTitle("Events");

export default async function AdminEventsPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const actor = await requireAdminActor();
  const query = await searchParams;
  const q = firstParam(query.q) ?? "";
  const status = firstParam(query.status) ?? "";
  const page = Number(firstParam(query.page)) || 1;
  const result = await listAdminEvents({ actor, q, status, page });
  const notice = firstParam(query.notice) === "deleted" ? "The event was deleted." : null;
  const hrefFor = (target: number) => `/admin/events?${new URLSearchParams({ q, status, page: String(target) })}`;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight">Events</h1>
        <Link href="/admin/events/new" className="inline-flex min-h-11 items-center rounded-xl bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">
          New event
        </Link>
      </div>
      {notice ? <p role="status" className="rounded-lg bg-green-50 p-3 font-medium text-green-900">{notice}</p> : null}

      <form method="get" className="flex flex-wrap items-end gap-3" role="search" aria-label="Events">
        <div className="flex min-w-48 flex-1 flex-col gap-1">
          <label htmlFor="events-q" className="text-sm font-medium">Title or web address</label>
          <input id="events-q" name="q" defaultValue={q} className="min-h-11 rounded-lg border border-stone-300 bg-white px-3" />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="events-status" className="text-sm font-medium">Status</label>
          <select id="events-status" name="status" defaultValue={status} className="min-h-11 rounded-lg border border-stone-300 bg-white px-3">
            <option value="">Any</option>
            <option value="draft">Draft</option>
            <option value="published">Published</option>
            <option value="cancelled">Cancelled</option>
          </select>
        </div>
        <button type="submit" className="min-h-11 rounded-lg border border-stone-300 bg-white px-4 font-medium hover:bg-stone-100">Filter</button>
      </form>

      <p className="text-sm text-stone-700">{result.total} {result.total === 1 ? "event" : "events"}</p>
      <ul className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
        {result.items.map((event) => (
          <li key={event.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div className="flex flex-col gap-1">
              <Link href={`/admin/events/${event.id}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">{event.title}</Link>
              <p className="text-sm text-stone-700">
                {event.venueName}, {event.city} ·{" "}
                {event.nextStartsAt ? `next ${event.nextStartsAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : event.bookable ? "bookable experience" : "no upcoming session"}
              </p>
            </div>
            <div className="flex items-center gap-3 text-sm">
              {event.capacity > 0 ? <span className="text-stone-700">{event.sold} / {event.capacity} sold</span> : null}
              <StatusBadge status={event.status} />
            </div>
          </li>
        ))}
        {result.items.length === 0 ? <li className="p-4 text-stone-700">No events match.</li> : null}
      </ul>
      <Pagination page={result.page} pageCount={result.pageCount} hrefFor={hrefFor} />
    </div>
  );
}
