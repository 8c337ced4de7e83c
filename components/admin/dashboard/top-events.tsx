import Link from "next/link";
import type { EventFigures } from "@/lib/analytics/analytics-sql";
import { moneyList } from "./format";

/** The five events that sold most in the range. */
export function TopEvents({ events }: { events: EventFigures[] }) {
  return (
    <section aria-labelledby="top-heading" className="flex flex-col gap-3">
      <h2 id="top-heading" className="text-lg font-semibold">Top events</h2>
      {events.length === 0 ? <p className="text-stone-700">No event sold tickets in this period.</p> : (
        <ol className="flex flex-col divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white" data-testid="top-events">
          {events.slice(0, 5).map((event, index) => (
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
  );
}
