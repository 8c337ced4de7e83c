export function SearchBox({ defaultValue = "", autoFocus = false }: { defaultValue?: string; autoFocus?: boolean }) {
  return (
    <form action="/search" method="get" role="search" className="flex gap-2">
      <label htmlFor="q" className="sr-only">Search events</label>
      <input
        id="q"
        name="q"
        type="search"
        defaultValue={defaultValue}
        autoFocus={autoFocus}
        maxLength={200}
        placeholder="Jazz, comedy, pottery, Alfama…"
        className="min-h-12 w-full rounded-xl border border-stone-300 bg-white px-4 text-base shadow-sm"
      />
      <button type="submit" className="min-h-12 rounded-xl bg-brand-600 px-5 font-semibold text-white hover:bg-brand-700">Search</button>
    </form>
  );
}
