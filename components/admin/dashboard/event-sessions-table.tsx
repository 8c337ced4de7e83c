import Link from "next/link";
import { StatusBadge } from "@/components/admin/status-badge";
import { STACKED } from "@/components/admin/stacked-table";
import type { EventFigures } from "@/lib/analytics/analytics-sql";
import { formatInZone } from "@/lib/time";
import { moneyList, percent } from "./format";

const cell = `p-3 text-right tabular-nums ${STACKED.cell}`;
const empty = `p-3 text-right tabular-nums ${STACKED.emptyCell}`;

/** Per event and session (a card each on a phone): sold in the range, sold and held against capacity, and the no-show rate at the door. */
export function EventSessionsTable({ events }: { events: EventFigures[] }) {
  return (
    <section aria-labelledby="per-event-heading" className="flex flex-col gap-3">
      <h2 id="per-event-heading" className="text-lg font-semibold">Tickets per event and session</h2>
      <p className="text-sm text-stone-700">
        {events.length === 50 ? "The 50 best-selling events" : "Events"} that sold in the period. “In range” and “net” count paid orders of the
        period; “sold”, “held” and sell-through are today&apos;s figures against capacity; “no-show” is the share of valid tickets of sessions that have
        started that were never checked in at the door.
      </p>
      <div className="overflow-x-auto rounded-2xl border border-stone-200 bg-white" role="region" aria-label="Tickets per event and session table" tabIndex={0}>
        <table className={`${STACKED.table} sm:min-w-[44rem]`}>
          <caption className="sr-only">Tickets sold per event and per session, with sell-through</caption>
          <thead className={STACKED.head}>
            <tr>
              <th scope="col" className="p-3">Event / session</th>
              <th scope="col" className="p-3 text-right">In range</th>
              <th scope="col" className="p-3 text-right">Net in range</th>
              <th scope="col" className="p-3 text-right">Sold</th>
              <th scope="col" className="p-3 text-right">Held</th>
              <th scope="col" className="p-3 text-right">Capacity</th>
              <th scope="col" className="p-3 text-right">Sell-through</th>
              <th scope="col" className="p-3 text-right">No-show</th>
            </tr>
          </thead>
          {events.map((event) => (
            <tbody key={event.eventId} className="border-t border-stone-200 max-sm:block">
              <tr className={`bg-stone-50/60 ${STACKED.row}`} data-testid="event-figures">
                <th scope="rowgroup" className={`p-3 text-left ${STACKED.rowHeader}`}>
                  <Link href={`/admin/events/${event.eventId}`} className="font-semibold text-brand-700 underline-offset-2 hover:underline">{event.title}</Link>{" "}
                  {event.status !== "published" ? <StatusBadge status={event.status} /> : null}
                </th>
                <td className={`${cell} font-semibold`} data-label="In range" data-testid="event-tickets">{event.tickets}</td>
                <td className={cell} data-label="Net in range" data-testid="event-net">{moneyList(event.net)}</td>
                <td className={cell} data-label="Sold">{event.sold}</td>
                <td className={empty}>–</td>
                <td className={cell} data-label="Capacity">{event.capacity || "–"}</td>
                <td className={cell} data-label="Sell-through">{percent(event.sellThrough)}</td>
                <td className={cell} data-label="No-show" data-testid="event-no-show">{percent(event.noShowRate)}</td>
              </tr>
              {event.sessions.map((session) => (
                <tr key={session.sessionId} className={`${STACKED.row} max-sm:border-t max-sm:border-stone-100 max-sm:pl-6`}>
                  <th scope="row" className={`p-3 pl-6 text-left font-normal ${STACKED.rowHeader}`}>
                    {formatInZone(session.startsAt, session.timeZone, { weekday: "short", day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" })}
                    {session.cancelled ? " (cancelled)" : ""}
                  </th>
                  <td className={cell} data-label="In range">{session.tickets}</td>
                  <td className={empty}>–</td>
                  <td className={cell} data-label="Sold">{session.sold}</td>
                  <td className={cell} data-label="Held">{session.held}</td>
                  <td className={cell} data-label="Capacity">{session.capacity}</td>
                  <td className={cell} data-label="Sell-through">{percent(session.sellThrough)}</td>
                  <td className={cell} data-label="No-show">{session.checkedIn === null ? "–" : `${percent(session.noShowRate)} (${session.checkedIn} in)`}</td>
                </tr>
              ))}
            </tbody>
          ))}
          {events.length === 0 ? <tbody className="max-sm:block"><tr className="max-sm:block"><td colSpan={8} className="p-3 text-stone-700 max-sm:block">No sales in this period.</td></tr></tbody> : null}
        </table>
      </div>
    </section>
  );
}
