import { CATEGORIES, type EventFilters as Filters } from "@/lib/catalog/types";

const field = "w-full rounded-lg border border-stone-300 bg-white px-3 py-2.5 text-base";

/** A plain GET form: the filters live in the URL, so any view can be shared or bookmarked. */
export function EventFilters({ filters, action = "/" }: { filters: Omit<Filters, "page">; action?: string }) {
  const price = filters.free ? "free" : filters.maxPriceMinor !== undefined ? String(filters.maxPriceMinor / 100) : "";
  return (
    <form action={action} method="get" className="rounded-2xl border border-stone-200 bg-white p-4" aria-label="Filter events">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <label className="col-span-2 flex flex-col gap-1 text-sm font-medium sm:col-span-1">
          What
          <select name="category" defaultValue={filters.category ?? ""} className={field}>
            <option value="">Everything</option>
            {CATEGORIES.map((category) => (
              <option key={category.value} value={category.value}>{category.label}</option>
            ))}
          </select>
        </label>
        <label className="col-span-2 flex flex-col gap-1 text-sm font-medium sm:col-span-1">
          Where
          <input name="where" defaultValue={filters.where ?? ""} placeholder="City or neighbourhood" className={field} maxLength={80} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          When
          <select name="date" defaultValue={filters.date ?? ""} className={field}>
            <option value="">Any date</option>
            <option value="today">Today</option>
            <option value="weekend">This weekend</option>
            <option value="range">Between dates</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Price
          <select name="price" defaultValue={price} className={field}>
            <option value="">Any price</option>
            <option value="free">Free</option>
            <option value="10">Up to €10</option>
            <option value="20">Up to €20</option>
            <option value="50">Up to €50</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          From
          <input type="date" name="from" defaultValue={filters.from ?? ""} className={field} />
        </label>
        <label className="flex flex-col gap-1 text-sm font-medium">
          To
          <input type="date" name="to" defaultValue={filters.to ?? ""} className={field} />
        </label>
      </div>
      <div className="mt-3 flex items-center justify-between gap-3">
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium">
          <input type="checkbox" name="available" value="1" defaultChecked={filters.available} className="size-5 accent-brand-600" />
          Only with places left
        </label>
        <button type="submit" className="min-h-11 rounded-lg bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">Show events</button>
      </div>
    </form>
  );
}
