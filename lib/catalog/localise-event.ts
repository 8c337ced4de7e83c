// Which language an event's texts are shown in: the reader's when the event is written in it
// or has a translation into it, else the original, flagged so the page can say so.
import { toLocale, type Locale } from "@/lib/i18n/locales";

export type EventTexts = { title: string; summary: string; description: string };

export type LocalisedTexts = EventTexts & {
  /** The language the texts are in. */
  language: Locale;
  /** The language the event is written in. */
  originalLanguage: Locale;
  /** A reader of another language gets the original (no translation into theirs yet). */
  untranslated: boolean;
};

/** `translations`: the event's translations into `reader` (at most one is used). */
export function localiseEvent(original: EventTexts & { language: string }, translations: (EventTexts & { locale: string })[], reader: Locale | undefined): LocalisedTexts {
  const originalLanguage = toLocale(original.language);
  const texts = { title: original.title, summary: original.summary, description: original.description };
  if (!reader || reader === originalLanguage) return { ...texts, language: originalLanguage, originalLanguage, untranslated: false };
  const translation = translations.find((candidate) => candidate.locale === reader);
  if (!translation) return { ...texts, language: originalLanguage, originalLanguage, untranslated: true };
  return { title: translation.title, summary: translation.summary, description: translation.description, language: reader, originalLanguage, untranslated: false };
}
