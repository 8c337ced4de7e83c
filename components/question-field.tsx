"use client";
import { useLocale, useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";
import { MAX_LONG_TEXT, MAX_SHORT_TEXT, questionLabelIn, type Question } from "@/lib/questions/question";

const field = "min-h-11 w-full rounded-lg border border-stone-300 bg-white px-3 text-base";

/**
 * One question of the event (issue 27.4) as a form field named `name` (`answers.<id>` or
 * `holders.<n>.answers.<id>`): the server checks the same answer (lib/questions) and its
 * message comes back under the same name.
 */
export function QuestionField({ question, name, error }: { question: Question; name: string; error?: string }) {
  const t = useTranslations("questions");
  const locale = useLocale() as Locale;
  const label = questionLabelIn(question, locale);
  const id = name.replaceAll(".", "-");
  const invalid = error ? true : undefined;
  const errorText = error ? <span className="text-sm font-medium text-red-700" role="alert">{error}</span> : null;
  const marker = question.required && question.kind !== "yes_no" ? <span className="font-normal text-stone-600"> {t("required")}</span> : null;

  if (question.kind === "yes_no") {
    return (
      <div className="flex flex-col gap-1">
        <label className="flex min-h-11 items-start gap-3 text-sm font-medium">
          <input type="checkbox" name={name} value="yes" required={question.required} aria-invalid={invalid} className="mt-0.5 size-6 shrink-0 accent-brand-600" />
          <span>{label}</span>
        </label>
        {errorText}
      </div>
    );
  }
  if (question.kind === "one_choice" || question.kind === "several_choices") {
    const several = question.kind === "several_choices";
    return (
      <fieldset className="flex min-w-0 flex-col gap-1" aria-invalid={invalid}>
        <legend className="mb-1 text-sm font-medium">{label}{marker}</legend>
        {question.options.map((option) => (
          <label key={option.id} className="flex min-h-11 items-center gap-3 text-base">
            <input type={several ? "checkbox" : "radio"} name={name} value={option.id} required={!several && question.required} className="size-5 shrink-0 accent-brand-600" />
            <span>{questionLabelIn(option, locale)}</span>
          </label>
        ))}
        {errorText}
      </fieldset>
    );
  }
  return (
    <label htmlFor={id} className="flex flex-col gap-1 text-sm font-medium">
      <span>{label}{marker}</span>
      {question.kind === "long_text" ? (
        <textarea id={id} name={name} required={question.required} maxLength={MAX_LONG_TEXT} rows={3} aria-invalid={invalid} className={`${field} py-2`} />
      ) : (
        <input
          id={id}
          name={name}
          required={question.required}
          aria-invalid={invalid}
          className={field}
          {...(question.kind === "date" ? { type: "date" } : question.kind === "number" ? { type: "text", inputMode: "decimal" as const } : { type: "text", maxLength: MAX_SHORT_TEXT })}
        />
      )}
      {errorText}
    </label>
  );
}
