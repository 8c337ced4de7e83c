import "server-only";
import type { Metadata } from "next";
import { appUrl } from "@/lib/urls";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";
import { localePath } from "./paths";

/**
 * The canonical URL of `path` in `locale` and its hreflang alternates in every language
 * (x-default: the unprefixed English page, where a reader with no preference lands).
 */
export function alternatesFor(locale: Locale, path: string): NonNullable<Metadata["alternates"]> {
  const base = appUrl();
  const languages: Record<string, string> = {};
  for (const candidate of LOCALES) languages[candidate] = `${base}${localePath(candidate, path)}`;
  languages["x-default"] = `${base}${localePath(DEFAULT_LOCALE, path)}`;
  return { canonical: `${base}${localePath(locale, path)}`, languages };
}
