"use client";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

// An unexpected failure while rendering a store page: said in the reader's language, with a
// way to try again (the details are in the server log, never shown).
export default function StoreError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("error");
  return (
    <div role="alert" className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("body")}</p>
      <div className="mt-4 flex justify-center gap-4">
        <button type="button" onClick={reset} className="min-h-11 rounded-lg bg-brand-600 px-4 font-semibold text-white hover:bg-brand-700">{t("retry")}</button>
        <Link href="/" className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">{t("home")}</Link>
      </div>
    </div>
  );
}
