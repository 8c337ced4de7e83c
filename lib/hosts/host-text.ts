// A host's name and story in the reader's language (issue 30). `name` and `story` are written
// in the host's own words; `translations` (jsonb) holds them in other languages by locale:
// {"pt": {"name": "…", "story": "…"}}, like ticket types' name_translations. Pure.
import { LOCALES, type Locale } from "@/lib/i18n/locales";

export type HostTranslations = Partial<Record<Locale, { name?: string; story?: string }>>;

/** The stored jsonb as texts by locale: only known locales, only non-blank strings. */
export function readHostTranslations(value: unknown): HostTranslations {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const texts: HostTranslations = {};
  for (const locale of LOCALES) {
    const entry = (value as Record<string, unknown>)[locale];
    if (!entry || typeof entry !== "object") continue;
    const { name, story } = entry as Record<string, unknown>;
    const clean = {
      ...(typeof name === "string" && name.trim() ? { name: name.trim() } : {}),
      ...(typeof story === "string" && story.trim() ? { story: story.trim() } : {}),
    };
    if (Object.keys(clean).length) texts[locale] = clean;
  }
  return texts;
}

/** Name and story in `locale` where translated, each falling back to the host's own words. */
export function hostTextIn(host: { name: string; story: string; translations?: unknown }, locale: Locale | undefined): { name: string; story: string } {
  const translated = locale ? readHostTranslations(host.translations)[locale] : undefined;
  return { name: translated?.name ?? host.name, story: translated?.story ?? host.story };
}
