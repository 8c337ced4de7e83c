import type { Metadata } from "next";
import Link from "next/link";
import { ACTIVITY_LIST_ATTRIBUTION } from "@/lib/feeds/activities";
import { FEED_CATALOGUE } from "@/lib/feeds/catalogue";
import { DATASET_DOCUMENT_PATH, datasetJsonLd, jsonLdScript } from "@/lib/feeds/dataset";
import { appUrl } from "@/lib/urls";

// The feeds' absolute URLs come from APP_URL at request time, not from the build machine.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Open data",
  description: "Local Tickets' events, sessions and bookable experiences as OpenActive open data feeds.",
};

/** The OpenActive dataset site: the feeds for people, and for programs as embedded JSON-LD. */
export default function OpenDataPage() {
  const baseUrl = appUrl();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdScript(datasetJsonLd(baseUrl)) }} />
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Open data</h1>
        <p className="text-stone-700">
          What is on sale here, where, when, at what price and how many places are left, published as{" "}
          <a href="https://openactive.io/" className="underline">OpenActive</a> feeds (RPDE 1.0, Modelling Opportunity Data 2.0) under the{" "}
          <a href="https://creativecommons.org/licenses/by/4.0/" className="underline">CC BY 4.0</a> licence. Each feed is a list of changes:
          follow <code>next</code> from the first page, and again later from where you stopped.
        </p>
      </header>
      <ul className="flex flex-col gap-3">
        {FEED_CATALOGUE.map((feed) => (
          <li key={feed.path} className="rounded-lg bg-white px-4 py-3">
            <a href={feed.path} className="font-medium text-brand-700 underline">{feed.title}</a>
            <p className="text-sm text-stone-700">{feed.description}</p>
            <p className="font-mono text-xs text-stone-600">{feed.path}</p>
          </li>
        ))}
      </ul>
      <p className="text-sm text-stone-700">
        The same list for programs: <a href={DATASET_DOCUMENT_PATH} className="underline">{DATASET_DOCUMENT_PATH}</a> (a schema.org Dataset).
        The buying API is described on the <Link href="/developers" className="underline">developers page</Link>.
      </p>
      <p className="text-xs text-stone-600">{ACTIVITY_LIST_ATTRIBUTION}</p>
    </div>
  );
}
