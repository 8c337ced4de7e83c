import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/components/auth-form";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { safeReturnPath } from "@/lib/urls";
import { signUpAction } from "../sign-in/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signUpTitle") };
}

export default async function Page({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const [{ callbackUrl }, t] = await Promise.all([searchParams, getTranslations("auth")]);
  const returnTo = safeReturnPath(firstParam(callbackUrl));
  return (
    <div className="mx-auto flex max-w-sm flex-col gap-4 pt-4">
      <h1 className="text-2xl font-bold">{t("signUpTitle")}</h1>
      {returnTo.startsWith("/checkout") ? <p className="rounded-lg bg-brand-50 p-3 text-sm">{t("keptTickets")}</p> : null}
      <AuthForm mode="sign-up" callbackUrl={returnTo} action={signUpAction} />
    </div>
  );
}
