import type { Metadata } from "next";
import Link from "next/link";
import { EventCard } from "@/components/event-card";
import { EventFinder } from "@/components/event-finder";
import { Pagination } from "@/components/pagination";
import { countActiveFilters, listingHref, parseEventFilters, quickFilterChips } from "@/lib/catalog/filters";
import { findEvents } from "@/lib/catalog/find-events";
import { CATEGORIES } from "@/lib/catalog/types";
import { toSearchParams, type PageSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Search" };

export default async function SearchPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = toSearchParams(await searchParams);
  const parsed = parseEventFilters(params);
  const { page, ...filters } = parsed.ok ? parsed.filters : { page: 1 };
  const result = await findEvents(params.get("q") ?? "", { ...filters, page });
  const { hits, query } = result;
  const activeCount = countActiveFilters(filters);
  const narrowed = activeCount > 0 ? " with these filters" : "";

  return (
    <div className="flex flex-col gap-4">
      <h1 className="sr-only">Search</h1>
      <EventFinder action="/search" query={query} filters={filters} activeCount={activeCount} chips={quickFilterChips("/search", query, filters)} autoFocus={result.mode === "empty"} />
      {!parsed.ok ? <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{parsed.message} (showing results without filters)</p> : null}
      {result.mode === "empty" ? (
        <section aria-labelledby="browse">
          <h2 id="browse" className="mb-2 font-semibold">Browse by category</h2>
          <ul className="flex flex-wrap gap-2">
            {CATEGORIES.map((category) => (
              <li key={category.value}>
                <Link href={`/search?category=${category.value}`} className="inline-block min-h-11 rounded-full border border-stone-300 bg-white px-4 py-2.5 text-sm">{category.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section aria-labelledby="results">
          <h2 id="results" className="mb-3 text-lg font-semibold" aria-live="polite">
            {query
              ? hits.total === 0
                ? `No events match “${query}”${narrowed}`
                : `${hits.total} ${hits.total === 1 ? "result" : "results"} for “${query}”`
              : `${hits.total} ${hits.total === 1 ? "event" : "events"}`}
            {result.mode === "fuzzy" && hits.total > 0 ? <span className="block text-sm font-normal text-stone-600">Showing close matches</span> : null}
          </h2>
          {hits.total === 0 && result.suggestions.length > 0 ? (
            <p className="mb-4">
              Did you mean{" "}
              {result.suggestions.map((suggestion, index) => (
                <span key={suggestion}>
                  {index > 0 ? ", " : ""}
                  <Link className="font-medium text-brand-700 underline" href={listingHref("/search", suggestion, filters)}>{suggestion}</Link>
                </span>
              ))}
              ?
            </p>
          ) : null}
          {hits.total === 0 && activeCount > 0 ? (
            <p className="mb-4"><Link className="font-medium text-brand-700 underline" href={listingHref("/search", query, {})}>Search without filters</Link></p>
          ) : null}
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {hits.items.map((hit, index) => (
              <li key={hit.id} className="flex"><EventCard event={hit} snippet={"snippet" in hit ? hit.snippet : undefined} priority={index < 2} /></li>
            ))}
          </ul>
          <Pagination page={hits.page} pageCount={hits.pageCount} hrefFor={(p) => listingHref("/search", query, { ...filters, page: p })} />
        </section>
      )}
    </div>
  );
}
