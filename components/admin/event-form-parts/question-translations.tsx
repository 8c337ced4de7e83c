"use client";
import type { QuestionFormValues } from "@/lib/admin/events/form-values";
import { LOCALE_NAMES_IN_ENGLISH, LOCALES, type Locale } from "@/lib/i18n/locales";
import { TextField } from "../form-fields";

type Props = { path: string; question: QuestionFormValues; language: Locale; errors: Record<string, string>; number: number };

const CHOICE_KINDS: readonly string[] = ["one_choice", "several_choices"];

/**
 * The question and its choices in the storefront's other languages, as ticket type names are:
 * blank keeps the text as written. Folded; a language with a problem opens it.
 */
export function QuestionTranslations({ path, question, language, errors, number }: Props) {
  const others = LOCALES.filter((locale) => locale !== language);
  const options = CHOICE_KINDS.includes(question.kind) ? question.options : [];
  const filled = others.filter((locale) => question.labelTranslations[locale]).length;
  const hasError = Object.keys(errors).some((key) => key.startsWith(`${path}.`) && key.includes(".labelTranslations."));
  return (
    <details open={hasError || undefined} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="question-translations">
      <summary className="cursor-pointer text-sm font-semibold">
        Question {number} in other languages <span className="font-normal text-stone-600">({filled} of {others.length} translated)</span>
      </summary>
      <div className="mt-3 flex flex-col gap-4">
        {others.map((locale) => (
          <fieldset key={locale} lang={locale} className="flex flex-col gap-3">
            <legend className="text-sm font-semibold text-stone-800">{LOCALE_NAMES_IN_ENGLISH[locale]}</legend>
            <TextField
              label={`Question in ${LOCALE_NAMES_IN_ENGLISH[locale]}`}
              name={`${path}.labelTranslations.${locale}`}
              defaultValue={question.labelTranslations[locale] ?? ""}
              error={errors[`${path}.labelTranslations.${locale}`]}
              maxLength={200}
            />
            {options.map((option, k) => (
              <TextField
                key={option.key}
                label={`Choice ${k + 1} in ${LOCALE_NAMES_IN_ENGLISH[locale]}`}
                name={`${path}.options.${k}.labelTranslations.${locale}`}
                defaultValue={option.labelTranslations[locale] ?? ""}
                error={errors[`${path}.options.${k}.labelTranslations.${locale}`]}
                maxLength={100}
              />
            ))}
          </fieldset>
        ))}
      </div>
    </details>
  );
}
