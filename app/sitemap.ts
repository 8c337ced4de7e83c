import type { MetadataRoute } from "next";
import { sitemapEntries } from "@/lib/catalog/sitemap";
import { appUrl } from "@/lib/urls";

// Read per request (and cached by crawlers), never at build time: the catalogue is in the database.
export const dynamic = "force-dynamic";

/** /sitemap.xml: every public page in all five languages, with hreflang alternates. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(appUrl());
}
