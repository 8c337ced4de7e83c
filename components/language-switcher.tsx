"use client";
import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { usePathname } from "@/lib/i18n/navigation";
import { switchPath } from "@/lib/i18n/paths";

/**
 * The languages, each by its own name, as plain links to the same page in that language:
 * they work before JavaScript loads, and following one stores the choice (lib/i18n/paths.ts).
 * Folded behind a two-letter code so the header keeps to one row at 360 px.
 */
export function LanguageSwitcher() {
  const t = useTranslations("header");
  const locale = useLocale();
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const suffix = query ? `?${query}` : "";
  return (
    <details className="relative shrink-0" data-testid="language-switcher">
      <summary
        className="inline-flex min-h-11 min-w-11 cursor-pointer list-none items-center justify-center gap-1 rounded-lg px-2 text-sm font-semibold hover:bg-stone-100 [&::-webkit-details-marker]:hidden"
      >
        <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.6" className="size-4">
          <circle cx="10" cy="10" r="7.5" />
          <path d="M2.5 10h15M10 2.5c2.2 2.3 2.2 12.7 0 15M10 2.5c-2.2 2.3-2.2 12.7 0 15" />
        </svg>
        {/* The visible code starts the accessible name ("PT Idioma: Português"), as WCAG 2.5.3 asks. */}
        <span className="uppercase">{locale}</span>
        <span className="sr-only"> {t("languageCurrent", { language: LOCALE_NAMES[locale] })}</span>
      </summary>
      <ul aria-label={t("language")} className="absolute right-0 z-50 mt-1 w-40 rounded-xl border border-stone-200 bg-white p-1 shadow-lg">
        {LOCALES.map((candidate) => (
          <li key={candidate}>
            <a
              href={`${switchPath(candidate, pathname)}${suffix}`}
              hrefLang={candidate}
              lang={candidate}
              aria-current={candidate === locale ? "true" : undefined}
              className="flex min-h-11 items-center rounded-lg px-3 text-sm hover:bg-stone-100 aria-[current]:font-semibold aria-[current]:text-brand-700"
            >
              {LOCALE_NAMES[candidate]}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
