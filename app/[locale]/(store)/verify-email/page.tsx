import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailLinkPage } from "@/components/email-link-page";
import { inspectEmailLink } from "@/lib/auth/email-links";
import { firstParam, type PageSearchParams } from "@/lib/search-params";
import { redeemEmailLinkAction } from "../sign-in/email-actions";

// The token is in the URL: no referrer carries it to another site (same-origin, not no-referrer:
// that makes the browser send "Origin: null" with the forms of the pages after it, which are refused).
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("verifyTitle"), robots: { index: false }, referrer: "same-origin" };
}

export default async function Page({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const [{ token }, t] = await Promise.all([searchParams, getTranslations("auth")]);
  const value = firstParam(token) ?? "";
  return (
    <EmailLinkPage
      purpose="verify_email"
      token={value}
      inspected={await inspectEmailLink("verify_email", value)}
      title={t("verifyTitle")}
      intro={t("verifyIntro")}
      submitLabel={t("confirmEmail")}
      action={redeemEmailLinkAction}
      askAgain="/sign-in"
    />
  );
}
