import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export default function NotFound() {
  const t = useTranslations("notFound");
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-stone-700">{t("body")}</p>
      <Link href="/" className="mt-4 inline-block font-semibold text-brand-700 underline">{t("link")}</Link>
    </div>
  );
}
