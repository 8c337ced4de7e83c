import type { Locale } from "@/lib/i18n/locales";

export type TitledEvent = { title: string; language: string; translations: { locale: string; title: string }[] };

/** Prisma's select for eventTitleIn. */
export const TITLED_EVENT = { title: true, language: true, translations: { select: { locale: true, title: true } } } as const;

/** The event's title in the reader's language where it is translated, else its own. */
export function eventTitleIn(event: TitledEvent, locale: Locale): string {
  if (event.language === locale) return event.title;
  return event.translations.find((translation) => translation.locale === locale)?.title ?? event.title;
}
