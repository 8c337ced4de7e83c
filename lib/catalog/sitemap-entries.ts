// The sitemap's entries: every public page in every language, each with its hreflang
// alternates (the same set alternatesFor writes into the pages). Pure.
import { DEFAULT_LOCALE, LOCALES } from "@/lib/i18n/locales";
import { localePath } from "@/lib/i18n/paths";

export type SitemapPage = { path: string; lastModified?: Date; changeFrequency?: "hourly" | "daily" | "weekly" | "monthly"; priority?: number };

export type SitemapEntry = {
  url: string;
  lastModified?: Date;
  changeFrequency?: SitemapPage["changeFrequency"];
  priority?: number;
  alternates: { languages: Record<string, string> };
};

/** A sitemap file holds at most 50,000 URLs (sitemaps.org); past that, pages split over several. */
export const MAX_SITEMAP_URLS = 50_000;

/** One entry per page and language; every entry of a page lists all its languages and x-default. */
export function sitemapEntriesFor(pages: SitemapPage[], base: string): SitemapEntry[] {
  const origin = base.replace(/\/+$/, "");
  return pages.flatMap((page) => {
    const languages: Record<string, string> = {};
    for (const locale of LOCALES) languages[locale] = `${origin}${localePath(locale, page.path)}`;
    languages["x-default"] = `${origin}${localePath(DEFAULT_LOCALE, page.path)}`;
    return LOCALES.map((locale) => ({
      url: languages[locale],
      ...(page.lastModified ? { lastModified: page.lastModified } : {}),
      ...(page.changeFrequency ? { changeFrequency: page.changeFrequency } : {}),
      ...(page.priority !== undefined ? { priority: page.priority } : {}),
      alternates: { languages },
    }));
  });
}
