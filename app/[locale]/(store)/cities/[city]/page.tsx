import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PlaceEvents } from "@/components/place-events";
import { cityJsonLd } from "@/lib/catalog/json-ld";
import { alternatesFor } from "@/lib/i18n/alternates";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { localePath } from "@/lib/i18n/paths";
import { getCityBySlug, listCities, listCityVenues, listPlaceEvents } from "@/lib/places/places";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { appUrl } from "@/lib/urls";

type Props = { params: Promise<{ locale: Locale; city: string }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, city: slug } = await params;
  const [city, t] = await Promise.all([getCityBySlug(slug), getTranslations("places")]);
  if (!city) return { title: t("notFound") };
  return { title: t("cityTitle", { city: city.name }), description: t("cityDescription", { city: city.name }), alternates: alternatesFor(locale, `/cities/${city.slug}`) };
}

export default async function CityPage({ params, searchParams }: Props) {
  const [{ locale, city: slug }, query, t] = await Promise.all([params, searchParams, getTranslations("places")]);
  const city = await getCityBySlug(slug);
  if (!city) notFound();
  const page = Math.max(1, Math.trunc(Number(firstParam(query.page)) || 1));
  const [events, venues, cities] = await Promise.all([listPlaceEvents({ city: city.name }, { page, locale }), listCityVenues(city.name), listCities()]);
  const base = appUrl();
  const path = `/cities/${city.slug}`;
  const feed = `${base}/api/calendar/cities/${city.slug}${locale === "en" ? "" : `?lang=${locale}`}`;
  const jsonLd = cityJsonLd({ city: city.name, url: `${base}${localePath(locale, path)}`, events: events.items, eventUrl: (eventSlug) => `${base}${localePath(locale, `/events/${eventSlug}`)}` });
  return (
    <div className="flex flex-col gap-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("cityTitle", { city: city.name })}</h1>
        <p className="text-stone-700">{t("cityIntro", { city: city.name })}</p>
        <p className="flex flex-wrap gap-x-4 text-sm">
          <Link href={`/search?place=${encodeURIComponent(city.name)}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("searchNear", { city: city.name })}</Link>
          <a href={feed.replace(/^https?:/, "webcal:")} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" data-testid="city-calendar">{t("subscribe")}</a>
        </p>
        <p className="text-xs text-stone-600">{t("subscribeHint", { city: city.name })}</p>
      </header>
      <PlaceEvents events={events} hrefFor={(p) => (p > 1 ? `${path}?page=${p}` : path)} />
      {venues.length > 0 ? (
        <section aria-labelledby="venues" className="flex flex-col gap-2">
          <h2 id="venues" className="text-lg font-semibold">{t("venuesIn", { city: city.name })}</h2>
          <ul className="flex flex-col divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
            {venues.map((venue) => (
              <li key={venue.id}>
                <Link href={`/venues/${venue.id}`} className="flex min-h-11 flex-col px-4 py-2 hover:bg-stone-50">
                  <span className="font-medium text-brand-700 underline">{venue.name}</span>
                  <span className="text-sm text-stone-600">{venue.neighbourhood}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {cities.length > 1 ? (
        <nav aria-labelledby="other-cities" className="flex flex-col gap-2">
          <h2 id="other-cities" className="text-lg font-semibold">{t("otherCities")}</h2>
          <ul className="flex flex-wrap gap-2">
            {cities.filter((other) => other.slug !== city.slug).map((other) => (
              <li key={other.slug}><Link href={`/cities/${other.slug}`} className="inline-flex min-h-11 items-center rounded-full border border-stone-300 bg-white px-4 text-sm">{other.name}</Link></li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
