import Link from "next/link";
import { LiveRemaining } from "@/components/live-remaining";
import type { SessionView } from "@/lib/catalog/types";
import { formatMoney } from "@/lib/money";
import { formatInZone } from "@/lib/time";

type Props = { slug: string; session: SessionView; timeZone: string; maxPerOrder: number; chosen?: Record<string, number> };

/** Quantities per ticket type of one session; a GET form, so the choice survives sign-in. */
export function TicketPicker({ slug, session, timeZone, maxPerOrder, chosen = {} }: Props) {
  const when = formatInZone(session.startsAt, timeZone, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit" });
  const headingId = `session-${session.id}`;
  return (
    <section aria-labelledby={headingId} className="rounded-2xl border border-stone-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={headingId} className="font-semibold">
          <time dateTime={session.startsAt.toISOString()}>{when}</time>
        </h3>
        <Link href={`/events/${slug}/calendar/${session.id}`} className="text-sm font-medium text-brand-700 underline" prefetch={false}>
          Add to calendar
        </Link>
      </div>
      {session.onSale && session.remaining > 0 ? (
        <form action="/checkout" method="get" className="mt-3 flex flex-col gap-3">
          <input type="hidden" name="event" value={slug} />
          <input type="hidden" name="session" value={session.id} />
          <ul className="flex flex-col divide-y divide-stone-100">
            {session.ticketTypes.map((type) => {
              const max = Math.min(maxPerOrder, type.remaining);
              const inputId = `qty-${type.id}`;
              return (
                <li key={type.id} className="flex items-center justify-between gap-3 py-2">
                  <label htmlFor={inputId} className="flex flex-col">
                    <span className="font-medium">{type.name}</span>
                    <span className="text-sm text-stone-700">
                      {formatMoney(type.priceMinor, type.currency)} ·{" "}
                      <LiveRemaining sessionId={session.id} ticketTypeId={type.id} initialRemaining={type.remaining} />
                    </span>
                  </label>
                  <select
                    id={inputId}
                    name={`qty_${type.id}`}
                    defaultValue={String(Math.min(chosen[type.id] ?? 0, max))}
                    disabled={max === 0}
                    className="min-h-11 w-20 rounded-lg border border-stone-300 bg-white px-2 text-base"
                  >
                    {Array.from({ length: max + 1 }, (_, quantity) => (
                      <option key={quantity} value={quantity}>{quantity}</option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
          <button type="submit" className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700">Get tickets</button>
        </form>
      ) : (
        <p className="mt-2 font-medium text-stone-700">{session.onSale ? "Sold out" : "Sales have closed"}</p>
      )}
    </section>
  );
}
