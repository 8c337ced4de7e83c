import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ACTIVITY_LIST_ATTRIBUTION } from "@/lib/feeds/activities";
import { FEED_CATALOGUE } from "@/lib/feeds/catalogue";
import { DATASET_DOCUMENT_PATH, datasetJsonLd, jsonLdScript } from "@/lib/feeds/dataset";
import { alternatesFor } from "@/lib/i18n/alternates";
import type { Locale } from "@/lib/i18n/locales";
import { Link } from "@/lib/i18n/navigation";
import { appUrl } from "@/lib/urls";

// The feeds' absolute URLs come from APP_URL at request time, not from the build machine.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: Locale }> }): Promise<Metadata> {
  const [{ locale }, t] = await Promise.all([params, getTranslations("openData")]);
  return { title: t("title"), description: t("description"), alternates: alternatesFor(locale, "/openactive") };
}

/** The OpenActive dataset site: the feeds for people, and for programs as embedded JSON-LD. */
export default async function OpenDataPage() {
  const t = await getTranslations("openData");
  const baseUrl = appUrl();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(datasetJsonLd(baseUrl)) }} />
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-stone-700">
          {t.rich("intro", {
            openactive: (chunks) => <a href="https://openactive.io/" className="underline">{chunks}</a>,
            licence: (chunks) => <a href="https://creativecommons.org/licenses/by/4.0/" className="underline">{chunks}</a>,
            code: (chunks) => <code>{chunks}</code>,
          })}
        </p>
        <p className="text-sm text-stone-600">{t("feedsInEnglish")}</p>
      </header>
      <ul lang="en" className="flex flex-col gap-3">
        {FEED_CATALOGUE.map((feed) => (
          <li key={feed.path} className="rounded-lg bg-white px-4 py-3">
            <a href={feed.path} className="font-medium text-brand-700 underline">{feed.title}</a>
            <p className="text-sm text-stone-700">{feed.description}</p>
            <p className="font-mono text-xs text-stone-600">{feed.path}</p>
          </li>
        ))}
      </ul>
      <p className="text-sm text-stone-700">
        {t.rich("programs", {
          dataset: () => <a href={DATASET_DOCUMENT_PATH} className="underline">{DATASET_DOCUMENT_PATH}</a>,
          developers: (chunks) => <Link href="/developers" className="underline">{chunks}</Link>,
        })}
      </p>
      <p lang="en" className="text-xs text-stone-600">{ACTIVITY_LIST_ATTRIBUTION}</p>
    </div>
  );
}
