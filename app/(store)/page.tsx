import { EventCard } from "@/components/event-card";
import { EventFilters } from "@/components/event-filters";
import { Pagination } from "@/components/pagination";
import { SearchBox } from "@/components/search-box";
import { filtersToSearchParams, parseEventFilters } from "@/lib/catalog/filters";
import { listEvents } from "@/lib/catalog/list-events";
import { toSearchParams, type PageSearchParams } from "@/lib/search-params";

export default async function HomePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const parsed = parseEventFilters(toSearchParams(await searchParams));
  const filters = parsed.ok ? parsed.filters : { page: 1 };
  const result = await listEvents(filters);
  const { page: _page, ...withoutPage } = filters;
  void _page;

  return (
    <div className="flex flex-col gap-6">
      <section className="pt-2">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Find something to do tonight</h1>
        <p className="mt-1 text-stone-700">Festivals, gigs, comedy, workshops and tours with a local host.</p>
        <div className="mt-4"><SearchBox /></div>
      </section>
      {!parsed.ok ? <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{parsed.message} (showing everything instead)</p> : null}
      <EventFilters filters={withoutPage} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-3 text-xl font-semibold">
          {result.total === 1 ? "1 event" : `${result.total} events`}
        </h2>
        {result.items.length === 0 ? (
          <p className="rounded-xl bg-white p-6 text-stone-700">Nothing matches these filters. Try another date or fewer filters.</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {result.items.map((event, index) => (
              <li key={event.id} className="flex"><EventCard event={event} priority={index < 2} /></li>
            ))}
          </ul>
        )}
        <Pagination
          page={result.page}
          pageCount={result.pageCount}
          hrefFor={(page) => `/?${filtersToSearchParams({ ...filters, page }).toString()}`}
        />
      </section>
    </div>
  );
}
