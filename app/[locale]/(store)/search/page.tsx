import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EventCard } from "@/components/event-card";
import { EventFinder } from "@/components/event-finder";
import { Pagination } from "@/components/pagination";
import { countActiveFilters, listingHref, parseEventFilters, quickFilterChips } from "@/lib/catalog/filters";
import { findEvents } from "@/lib/catalog/find-events";
import { CATEGORIES } from "@/lib/catalog/types";
import { alternatesFor } from "@/lib/i18n/alternates";
import { filterProblem } from "@/lib/i18n/filter-problem";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { DEFAULT_RADIUS_KM, parseNearFilter } from "@/lib/places/near-filter";
import { nearProblem } from "@/lib/places/near-problem";
import { toSearchParams, type PageSearchParams } from "@/lib/search-params";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations("search"))("title"), alternates: alternatesFor(locale, "/search") };
}

export default async function SearchPage({ params: routeParams, searchParams }: Props) {
  const { locale } = await routeParams;
  const [t, tCategory, tNear] = await Promise.all([getTranslations("search"), getTranslations("categories"), getTranslations("near")]);
  const params = toSearchParams(await searchParams);
  const parsed = parseEventFilters(params);
  // Near is read on its own: a wrong position is said and left out, the other filters still apply.
  const parsedNear = parseNearFilter(params);
  const { page, ...parsedFilters } = parsed.ok ? parsed.filters : { page: 1 };
  const filters = parsedNear.ok && parsedNear.near ? { ...parsedFilters, near: parsedNear.near } : parsedFilters;
  const result = await findEvents(params.get("q") ?? "", { ...filters, page }, locale);
  const { hits, query } = result;
  const activeCount = countActiveFilters(filters);
  const near = result.unknownPlace ? undefined : filters.near;
  const withoutNear = { ...filters, near: undefined };

  return (
    <div className="flex flex-col gap-4">
      <h1 className="sr-only">{t("title")}</h1>
      <EventFinder action="/search" query={query} filters={filters} activeCount={activeCount} chips={quickFilterChips("/search", query, filters)} autoFocus={result.mode === "empty"} />
      {!parsed.ok ? <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{t("showingUnfiltered", { message: await filterProblem(parsed) })}</p> : null}
      {!parsedNear.ok ? <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{tNear("showingWithoutDistance", { message: await nearProblem(parsedNear.reason) })}</p> : null}
      {result.unknownPlace ? <p role="alert" className="rounded-lg bg-amber-50 p-3 text-amber-900">{tNear("unknownPlace", { place: result.unknownPlace })}</p> : null}
      {near ? (
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-700" data-testid="near-summary">
          <span>{tNear("nearestFrom", { place: result.nearLabel ?? tNear("yourLocation"), km: near.radiusKm ?? DEFAULT_RADIUS_KM })}</span>
          <Link href={listingHref("/search", query, withoutNear)} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{tNear("clear")}</Link>
        </p>
      ) : null}
      {result.mode === "empty" ? (
        <section aria-labelledby="browse">
          <h2 id="browse" className="mb-2 font-semibold">{t("browse")}</h2>
          <ul className="flex flex-wrap gap-2">
            {CATEGORIES.map((category) => (
              <li key={category.value}>
                <Link href={`/search?category=${category.value}`} className="inline-block min-h-11 rounded-full border border-stone-300 bg-white px-4 py-2.5 text-sm">{tCategory(category.value)}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <section aria-labelledby="results">
          <h2 id="results" className="mb-3 text-lg font-semibold" aria-live="polite">
            {query
              ? hits.total === 0
                ? activeCount > 0 ? t("noMatchFiltered", { query }) : t("noMatch", { query })
                : t("results", { count: hits.total, query })
              : t("eventCount", { count: hits.total })}
            {result.mode === "fuzzy" && hits.total > 0 ? <span className="block text-sm font-normal text-stone-600">{t("closeMatches")}</span> : null}
          </h2>
          {hits.total === 0 && result.suggestions.length > 0 ? (
            <p className="mb-4">
              {t("didYouMean")}{" "}
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
            <p className="mb-4"><Link className="font-medium text-brand-700 underline" href={listingHref("/search", query, {})}>{t("withoutFilters")}</Link></p>
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
