// The OpenActive dataset site's description of this app's open data: a schema.org Dataset
// whose `distribution` lists every RPDE feed (OpenActive Dataset API Discovery). Pure.
import { ACTIVITY_LIST_ATTRIBUTION } from "./activities";
import { FEED_CATALOGUE } from "./catalogue";
import { FEED_LICENSE } from "./rpde";

export const DATASET_PATH = "/openactive";
export const DATASET_DOCUMENT_PATH = "/api/openactive";

export function datasetJsonLd(baseUrl: string): Record<string, unknown> {
  const url = `${baseUrl}${DATASET_PATH}`;
  return {
    "@context": ["https://schema.org/", "https://openactive.io/"],
    "@type": "Dataset",
    "@id": url,
    url,
    name: "Local Tickets sessions and bookable experiences",
    description:
      "Open data about the events, sessions and bookable experiences sold on Local Tickets: what is on, where, when, at what price, and how many places are left, updated within a second of each sale.",
    keywords: ["Sessions", "Facilities", "Activities", "Tours", "Classes", "Local events"],
    license: FEED_LICENSE,
    inLanguage: ["en"],
    schemaVersion: "https://openactive.io/modelling-opportunity-data/2.0/",
    documentation: "https://developer.openactive.io/",
    publisher: { "@type": "Organization", name: "Local Tickets", url: baseUrl },
    citation: ACTIVITY_LIST_ATTRIBUTION,
    distribution: FEED_CATALOGUE.map((feed) => ({
      "@type": "DataDownload",
      name: feed.kind.replace("FacilityUse/", ""),
      additionalType: `https://openactive.io/${feed.kind.replace("FacilityUse/", "")}`,
      identifier: feed.kind,
      description: feed.description,
      encodingFormat: "application/vnd.openactive.rpde+json; version=1",
      contentUrl: `${baseUrl}${feed.path}`,
    })),
  };
}

/** JSON for an inline <script type="application/ld+json">: no "</script>" can close it early. */
export function jsonLdScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
