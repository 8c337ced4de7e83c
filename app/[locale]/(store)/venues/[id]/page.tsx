import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PlaceEvents } from "@/components/place-events";
import { venueJsonLd } from "@/lib/catalog/json-ld";
import { alternatesFor } from "@/lib/i18n/alternates";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { localePath } from "@/lib/i18n/paths";
import { getPublicVenue, listPlaceEvents } from "@/lib/places/places";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { appUrl } from "@/lib/urls";

type Props = { params: Promise<{ locale: Locale; id: string }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const [venue, t] = await Promise.all([getPublicVenue(id), getTranslations("places")]);
  if (!venue) return { title: t("notFound") };
  return { title: t("venueTitle", { venue: venue.name, city: venue.city }), description: t("venueDescription", { venue: venue.name, city: venue.city }), alternates: alternatesFor(locale, `/venues/${venue.id}`) };
}

export default async function VenuePage({ params, searchParams }: Props) {
  const [{ locale, id }, query, t] = await Promise.all([params, searchParams, getTranslations("places")]);
  const venue = await getPublicVenue(id);
  if (!venue) notFound();
  const page = Math.max(1, Math.trunc(Number(firstParam(query.page)) || 1));
  const events = await listPlaceEvents({ venueId: venue.id }, { page, locale });
  const base = appUrl();
  const path = `/venues/${venue.id}`;
  const mapUrl = venue.latitude !== null && venue.longitude !== null
    ? `https://www.openstreetmap.org/?mlat=${venue.latitude}&mlon=${venue.longitude}#map=17/${venue.latitude}/${venue.longitude}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(`${venue.address}, ${venue.city}`)}`;
  const jsonLd = venueJsonLd({ venue, url: `${base}${localePath(locale, path)}`, events: events.items, eventUrl: (slug) => `${base}${localePath(locale, `/events/${slug}`)}` });
  return (
    <div className="flex flex-col gap-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLd }} />
      <header className="flex flex-col gap-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">
          <Link href={`/cities/${venue.citySlug}`} className="underline">{venue.city}</Link> · {venue.neighbourhood}
        </p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{venue.name}</h1>
        <address className="not-italic text-stone-700">
          {venue.address}{venue.postalCode && !venue.address.includes(venue.postalCode) ? `, ${venue.postalCode}` : ""}
        </address>
        <p className="flex flex-wrap gap-x-4 text-sm">
          <a href={mapUrl} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" rel="noopener noreferrer" target="_blank">{t("openMap")}</a>
          {venue.latitude !== null && venue.longitude !== null ? (
            <Link href={`/search?lat=${venue.latitude}&lng=${venue.longitude}&radius=5`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">{t("nearby")}</Link>
          ) : null}
          {venue.url && /^https?:\/\//i.test(venue.url) ? <a href={venue.url} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline" rel="noopener noreferrer">{t("website")}</a> : null}
        </p>
      </header>
      <PlaceEvents events={events} hrefFor={(p) => (p > 1 ? `${path}?page=${p}` : path)} />
    </div>
  );
}
