import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  const t = useTranslations("pagination");
  if (pageCount <= 1) return null;
  const linkClass = "min-h-11 rounded-lg border border-stone-300 bg-white px-4 py-2.5 font-medium hover:bg-stone-100";
  return (
    <nav aria-label={t("label")} className="mt-8 flex items-center justify-center gap-3">
      {page > 1 ? <Link href={hrefFor(page - 1)} className={linkClass} rel="prev">{t("previous")}</Link> : null}
      <span className="text-sm text-stone-700" aria-current="page">{t("pageOf", { page, count: pageCount })}</span>
      {page < pageCount ? <Link href={hrefFor(page + 1)} className={linkClass} rel="next">{t("next")}</Link> : null}
    </nav>
  );
}
