import type { Metadata } from "next";
import Image from "next/image";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { PlaceEvents } from "@/components/place-events";
import { getPublicHost } from "@/lib/hosts/public-host";
import { alternatesFor } from "@/lib/i18n/alternates";
import type { Locale } from "@/lib/i18n/locales";
import { listPlaceEvents } from "@/lib/places/places";
import { firstParam, type PageSearchParams } from "@/lib/search-params";

type Props = { params: Promise<{ locale: Locale; slug: string }>; searchParams: Promise<PageSearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const [host, t] = await Promise.all([getPublicHost(slug, locale), getTranslations("hosts")]);
  if (!host) return { title: t("notFound") };
  return { title: t("title", { host: host.name }), description: t("description", { host: host.name }), alternates: alternatesFor(locale, `/hosts/${host.slug}`) };
}

/** A local host's page (issue 30.3): who they are, in the reader's language, and what of theirs is on sale. */
export default async function HostPage({ params, searchParams }: Props) {
  const [{ locale, slug }, query, t] = await Promise.all([params, searchParams, getTranslations("hosts")]);
  const host = await getPublicHost(slug, locale);
  if (!host) notFound();
  const page = Math.max(1, Math.trunc(Number(firstParam(query.page)) || 1));
  const events = await listPlaceEvents({ hostId: host.id }, { page, locale });
  const path = `/hosts/${host.slug}`;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-4 sm:flex-row sm:items-start">
        {host.photoPath ? (
          <div className="relative aspect-[4/3] w-full shrink-0 overflow-hidden rounded-2xl bg-stone-200 sm:w-64">
            <Image src={host.photoPath} alt="" fill sizes="(min-width: 640px) 256px, 100vw" className="object-cover" />
          </div>
        ) : null}
        <div className="flex min-w-0 flex-col gap-2">
          <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{t("eyebrow")}{host.city ? ` · ${host.city}` : ""}</p>
          <h1 className="text-2xl font-bold tracking-tight break-words sm:text-3xl">{host.name}</h1>
          {host.story ? <p className="max-w-prose whitespace-pre-line text-stone-800">{host.story}</p> : null}
        </div>
      </header>
      <PlaceEvents events={events} hrefFor={(p) => (p > 1 ? `${path}?page=${p}` : path)} />
    </div>
  );
}
