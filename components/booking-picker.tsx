import type { ResourceView } from "@/lib/catalog/types";
import { formatMoney } from "@/lib/money";
import { formatMinute } from "@/lib/time";

type Slot = { minute: number; startsAt: Date; free: boolean };
type Props = { slug: string; resource: ResourceView; date: string; minutes: number; slots: Slot[]; minDate: string };

const field = "min-h-11 rounded-lg border border-stone-300 bg-white px-3 text-base";

/** Step 1 picks a day and a length (GET, reloads the free times); step 2 picks a start. */
export function BookingPicker({ slug, resource, date, minutes, slots, minDate }: Props) {
  const lengths: number[] = [];
  for (let length = resource.minMinutes; length <= resource.maxMinutes; length += resource.slotMinutes) lengths.push(length);
  const free = slots.filter((slot) => slot.free);
  return (
    <section aria-labelledby={`resource-${resource.id}`} className="rounded-2xl border border-stone-200 bg-white p-4">
      <h3 id={`resource-${resource.id}`} className="font-semibold">{resource.name}</h3>
      <p className="text-sm text-stone-700">
        {formatMoney(resource.priceMinorPerSlot, resource.currency)} per {resource.slotMinutes} minutes · open {formatMinute(resource.opensMinute)}–{formatMinute(resource.closesMinute)}
      </p>
      <form method="get" action={`/events/${slug}`} className="mt-3 flex flex-wrap items-end gap-3">
        <label className="flex flex-col gap-1 text-sm font-medium">
          Day
          <input type="date" name="date" defaultValue={date} min={minDate} className={field} required />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Length
          <select name="minutes" defaultValue={String(minutes)} className={field}>
            {lengths.map((length) => (
              <option key={length} value={length}>{length >= 60 ? `${length / 60} h` : `${length} min`}{length % 60 && length > 60 ? "" : ""}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="min-h-11 rounded-lg border border-stone-300 px-4 font-medium hover:bg-stone-100">Show times</button>
      </form>
      {free.length === 0 ? (
        <p className="mt-3 text-stone-700">No free times on this day for that length. Try another day.</p>
      ) : (
        <form method="get" action="/checkout/booking" className="mt-4 flex flex-col gap-3">
          <input type="hidden" name="event" value={slug} />
          <input type="hidden" name="resource" value={resource.id} />
          <input type="hidden" name="minutes" value={minutes} />
          <fieldset>
            <legend className="mb-2 text-sm font-medium">Start time</legend>
            <div className="grid grid-cols-3 gap-2 sm:grid-cols-6">
              {slots.map((slot, index) => (
                <label key={slot.minute} className={`flex min-h-11 items-center justify-center rounded-lg border text-sm font-medium has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-600 ${slot.free ? "border-stone-300" : "border-stone-200 text-stone-500 line-through"}`}>
                  <input type="radio" name="start" value={slot.startsAt.toISOString()} disabled={!slot.free} defaultChecked={slot.free && index === slots.findIndex((s) => s.free)} className="sr-only" />
                  {formatMinute(slot.minute)}
                </label>
              ))}
            </div>
          </fieldset>
          <p className="text-sm">Total {formatMoney((minutes / resource.slotMinutes) * resource.priceMinorPerSlot, resource.currency)}</p>
          <button type="submit" className="min-h-12 rounded-xl bg-brand-600 font-semibold text-white hover:bg-brand-700">Book this time</button>
        </form>
      )}
    </section>
  );
}
