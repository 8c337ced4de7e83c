import type { Metadata } from "next";
import Link from "next/link";
import { EventCard } from "@/components/event-card";
import { Pagination } from "@/components/pagination";
import { SearchBox } from "@/components/search-box";
import { searchEvents } from "@/lib/catalog/search-events";
import { CATEGORIES } from "@/lib/catalog/types";
import type { PageSearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Search" };

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const params = await searchParams;
  const query = first(params.q);
  const page = Math.min(1000, Math.max(1, Number.parseInt(first(params.page), 10) || 1));
  const result = await searchEvents(query, { page });
  const { hits } = result;

  return (
    <div className="flex flex-col gap-5">
      <h1 className="text-2xl font-bold">Search</h1>
      <SearchBox defaultValue={result.query} autoFocus={!query} />
      {result.mode === "empty" ? (
        <section aria-labelledby="browse">
          <h2 id="browse" className="mb-2 font-semibold">Browse by category</h2>
          <ul className="flex flex-wrap gap-2">
            {CATEGORIES.map((category) => (
              <li key={category.value}>
                <Link href={`/?category=${category.value}`} className="inline-block min-h-11 rounded-full border border-stone-300 bg-white px-4 py-2.5 text-sm">{category.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section aria-labelledby="results">
          <h2 id="results" className="mb-3 text-lg font-semibold" aria-live="polite">
            {hits.total === 0 ? `No events match “${result.query}”` : `${hits.total} ${hits.total === 1 ? "result" : "results"} for “${result.query}”`}
            {result.mode === "fuzzy" && hits.total > 0 ? <span className="block text-sm font-normal text-stone-600">Showing close matches</span> : null}
          </h2>
          {hits.total === 0 && result.suggestions.length > 0 ? (
            <p className="mb-4">
              Did you mean{" "}
              {result.suggestions.map((suggestion, index) => (
                <span key={suggestion}>
                  {index > 0 ? ", " : ""}
                  <Link className="font-medium text-brand-700 underline" href={`/search?q=${encodeURIComponent(suggestion)}`}>{suggestion}</Link>
                </span>
              ))}
              ?
            </p>
          ) : null}
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {hits.items.map((hit) => (
              <li key={hit.id} className="flex"><EventCard event={hit} snippet={hit.snippet} /></li>
            ))}
          </ul>
          <Pagination page={hits.page} pageCount={hits.pageCount} hrefFor={(p) => `/search?q=${encodeURIComponent(result.query)}&page=${p}`} />
        </section>
      )}
    </div>
  );
}
