import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PicksForYou } from "@/components/discovery/picks-for-you";
import { EventCard } from "@/components/event-card";
import { EventFinder } from "@/components/event-finder";
import { Pagination } from "@/components/pagination";
import { countActiveFilters, listingHref, parseEventFilters, quickFilterChips } from "@/lib/catalog/filters";
import { listEvents } from "@/lib/catalog/list-events";
import { alternatesFor } from "@/lib/i18n/alternates";
import { filterProblem } from "@/lib/i18n/filter-problem";
import type { Locale } from "@/lib/i18n/locales";
import { toSearchParams, type PageSearchParams } from "@/lib/search-params";

type Props = { params: Promise<{ locale: Locale }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { alternates: alternatesFor((await params).locale, "/") };
}

export default async function HomePage({ params, searchParams }: Props) {
  const { locale } = await params;
  const t = await getTranslations("home");
  const parsed = parseEventFilters(toSearchParams(await searchParams));
  const filters = parsed.ok ? parsed.filters : { page: 1 };
  const result = await listEvents(filters, { locale });
  const { page: _page, ...withoutPage } = filters;
  void _page;

  return (
    <div className="flex flex-col gap-4">
      <section className="flex flex-col gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-4xl">{t("heading")}</h1>
        {/* Text and filters go to /search, where they combine; the chips filter this page. */}
        <EventFinder action="/search" query="" filters={withoutPage} activeCount={countActiveFilters(withoutPage)} chips={quickFilterChips("/", "", withoutPage)} />
      </section>
      {!parsed.ok ? <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{t("showingEverything", { message: await filterProblem(parsed) })}</p> : null}
      <PicksForYou locale={locale} />
      <section aria-labelledby="results-heading">
        <h2 id="results-heading" className="mb-3 text-lg font-semibold" aria-live="polite">
          {t("eventCount", { count: result.total })}
        </h2>
        {result.items.length === 0 ? (
          <p className="rounded-xl bg-white p-6 text-stone-700">{t("empty")}</p>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {result.items.map((event, index) => (
              <li key={event.id} className="flex"><EventCard event={event} priority={index < 2} /></li>
            ))}
          </ul>
        )}
        <Pagination page={result.page} pageCount={result.pageCount} hrefFor={(page) => listingHref("/", "", { ...withoutPage, page })} />
      </section>
    </div>
  );
}
