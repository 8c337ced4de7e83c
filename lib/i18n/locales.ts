// The interface languages, in the order the switcher lists them. No "server-only": the
// switcher, the formats and the email/PDF renderers all read this list.
export const LOCALES = ["en", "pt", "es", "ca", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language by its own name (what a reader looks for in a switcher). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  pt: "Português",
  es: "Español",
  ca: "Català",
  de: "Deutsch",
};

/** Each language's English name, for the (English) admin dashboard. */
export const LOCALE_NAMES_IN_ENGLISH: Record<Locale, string> = {
  en: "English",
  pt: "Portuguese (Portugal)",
  es: "Spanish",
  ca: "Catalan",
  de: "German",
};

/**
 * The region each language is written for here: pt is European Portuguese (Lisbon), es and
 * ca are as read in Barcelona, de in Berlin, en as in London. Intl formats take these tags.
 */
export const INTL_LOCALE: Record<Locale, string> = {
  en: "en-GB",
  pt: "pt-PT",
  es: "es-ES",
  ca: "ca-ES",
  de: "de-DE",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored or requested value as one of ours, else the default (orders from before languages are English). */
export function toLocale(value: unknown): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
