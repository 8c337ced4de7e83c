// A ticket type's name in the reader's language (issue 33). `name` is written in the event's
// language; `name_translations` (jsonb) holds it in other languages by locale. Pure: the
// store's pages, the PDF, the Stripe line items and the admin form read it the same way.
import type { Locale } from "@/lib/i18n/locales";
import { LOCALES } from "@/lib/i18n/locales";

export type NameTranslations = Partial<Record<Locale, string>>;

/** The stored jsonb as names by locale: only known locales with a non-blank string. */
export function readNameTranslations(value: unknown): NameTranslations {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  const names: NameTranslations = {};
  for (const locale of LOCALES) {
    const name = (value as Record<string, unknown>)[locale];
    if (typeof name === "string" && name.trim()) names[locale] = name.trim();
  }
  return names;
}

/** The name in `locale` where translated, else the name as written. */
export function ticketTypeNameIn(type: { name: string; nameTranslations?: unknown }, locale: Locale | undefined): string {
  if (!locale) return type.name;
  return readNameTranslations(type.nameTranslations)[locale] ?? type.name;
}
