import "server-only";
import type { Tx } from "@/lib/db/transaction";
import type { Locale } from "@/lib/i18n/locales";
import type { TranslationInput } from "./schemas";

/**
 * Replaces an event's translations with the ones filled in (blank rows and one in the
 * event's own language are dropped), inside the caller's transaction.
 */
export async function writeEventTranslations(tx: Tx, options: { eventId: string; language: Locale; translations: Partial<Record<Locale, TranslationInput>> }) {
  const rows = Object.entries(options.translations)
    .filter((entry): entry is [Locale, TranslationInput] => entry[0] !== options.language && Boolean(entry[1]?.title))
    .map(([locale, text]) => ({ eventId: options.eventId, locale, title: text.title, summary: text.summary, description: text.description }));
  await tx.eventTranslation.deleteMany({ where: { eventId: options.eventId, locale: { notIn: rows.map((row) => row.locale) } } });
  for (const row of rows) {
    await tx.eventTranslation.upsert({
      where: { eventId_locale: { eventId: row.eventId, locale: row.locale } },
      create: row,
      update: { title: row.title, summary: row.summary, description: row.description },
    });
  }
}
