import Link from "next/link";
import { StatusBadge } from "@/components/admin/status-badge";
import type { EventFigures } from "@/lib/analytics/analytics-sql";
import { formatInZone } from "@/lib/time";
import { moneyList, percent } from "./format";

/** Per event and session: sold in the range, sold and held against capacity, and the no-show rate at the door. */
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
        <table className="w-full min-w-[44rem] text-sm">
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
              <th scope="col" className="p-3 text-right">No-show</th>
            </tr>
          </thead>
          {events.map((event) => (
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
              <td className="p-3 text-right tabular-nums" data-testid="event-no-show">{percent(event.noShowRate)}</td>
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
                  <td className="p-3 text-right tabular-nums">{session.checkedIn === null ? "–" : `${percent(session.noShowRate)} (${session.checkedIn} in)`}</td>
                </tr>
              ))}
            </tbody>
          ))}
          {events.length === 0 ? <tbody><tr><td colSpan={8} className="p-3 text-stone-700">No sales in this period.</td></tr></tbody> : null}
        </table>
      </div>
    </section>
  );
}
