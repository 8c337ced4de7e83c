"use client";
import type { EventFormValues } from "@/lib/admin/events/form-values";
import { LOCALE_NAMES_IN_ENGLISH, LOCALES, type Locale } from "@/lib/i18n/locales";
import { TextAreaField, TextField } from "../form-fields";
import { sectionClass } from "./styles";

/** Each language's fields are labelled in that language: what a translator reads, and never mistaken for the original's. */
const FIELD_LABELS: Record<Locale, { title: string; summary: string; description: string }> = {
  en: { title: "English title", summary: "English summary", description: "English description" },
  pt: { title: "Título", summary: "Resumo", description: "Descrição" },
  es: { title: "Título", summary: "Resumen", description: "Descripción" },
  ca: { title: "Títol", summary: "Resum", description: "Descripció" },
  de: { title: "Titel", summary: "Zusammenfassung", description: "Beschreibung" },
};

type Props = { initial: EventFormValues["translations"]; language: EventFormValues["language"]; errors: Record<string, string> };

/**
 * Title, summary and description in every other storefront language. A language left blank
 * has no translation: its readers see the original, marked as such. One folded section per
 * language keeps the form short; a section with a problem opens itself.
 */
export function TranslationsSection({ initial, language, errors }: Props) {
  return (
    <section aria-labelledby="translations-heading" className={sectionClass}>
      <div>
        <h2 id="translations-heading" className="text-lg font-semibold">Translations</h2>
        <p className="text-sm text-stone-700">
          The same texts for readers of other languages. Leave a language blank to show the original ({LOCALE_NAMES_IN_ENGLISH[language]}) there.
        </p>
      </div>
      {LOCALES.filter((locale) => locale !== language).map((locale) => {
        const text = initial[locale];
        const path = (field: string) => `translations.${locale}.${field}`;
        const hasError = ["title", "summary", "description"].some((field) => errors[path(field)]);
        return (
          <details key={locale} open={hasError || Boolean(text?.title)} className="rounded-xl border border-stone-200 p-3 sm:p-4" data-testid={`translation-${locale}`}>
            <summary className="cursor-pointer font-semibold">
              {LOCALE_NAMES_IN_ENGLISH[locale]}
              {text?.title ? <span className="ml-2 text-sm font-normal text-stone-600">translated</span> : <span className="ml-2 text-sm font-normal text-stone-600">not translated</span>}
            </summary>
            <div lang={locale} className="mt-3 flex flex-col gap-4">
              <TextField label={FIELD_LABELS[locale].title} name={path("title")} defaultValue={text?.title ?? ""} error={errors[path("title")]} maxLength={120} />
              <TextField label={FIELD_LABELS[locale].summary} name={path("summary")} defaultValue={text?.summary ?? ""} error={errors[path("summary")]} maxLength={200} />
              <TextAreaField label={FIELD_LABELS[locale].description} name={path("description")} defaultValue={text?.description ?? ""} error={errors[path("description")]} rows={5} maxLength={5000} />
            </div>
          </details>
        );
      })}
    </section>
  );
}
