import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailRequestForm } from "@/components/email-request-form";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { safeReturnPath } from "@/lib/urls";
import { requestSignInLinkAction } from "../email-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("linkTitle"), robots: { index: false } };
}

export default async function Page({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const [{ callbackUrl }, t] = await Promise.all([searchParams, getTranslations("auth")]);
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4 pt-4">
      <h1 className="text-2xl font-bold">{t("linkTitle")}</h1>
      <p className="text-stone-700">{t("linkIntro")}</p>
      <EmailRequestForm callbackUrl={safeReturnPath(firstParam(callbackUrl))} submitLabel={t("sendSignInLink")} action={requestSignInLinkAction} />
    </div>
  );
}
