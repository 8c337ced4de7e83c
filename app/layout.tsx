import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import { OfflineAccount } from "@/components/offline-account";
import { SiteHeader } from "@/components/site-header";
import { VerifyEmailBanner } from "@/components/verify-email-banner";
import { resendVerificationAction } from "@/app/[locale]/(store)/sign-in/email-actions";
import { currentUser } from "@/lib/auth";
import { offlineAccountKey } from "@/lib/auth/offline-account";
import { isEmailVerified } from "@/lib/auth/users";
import { clientMessages } from "@/lib/i18n/client-messages";
import { Link } from "@/lib/i18n/navigation";
import { usesLocalProvider } from "@/lib/payments/provider";
import { inter } from "./fonts";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meta");
  return {
    title: { default: t("siteTitle"), template: `%s · ${t("siteName")}` },
    description: t("description"),
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#c2410c",
};

// The one root layout, for the store ([locale]) and the admin alike: the locale comes from
// the request (proxy.ts puts the URL's locale there; admin pages read English).
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [user, locale, messages, t] = await Promise.all([currentUser(), getLocale(), getMessages(), getTranslations("layout")]);
  const testPayments = usesLocalProvider();
  const offlineAccount = user ? offlineAccountKey(user.id) : null;
  return (
    <html lang={locale} className={inter.variable}>
      <body className="min-h-dvh font-sans">
        {/* Only what client components say travels to the browser, not every message. */}
        <NextIntlClientProvider locale={locale} messages={clientMessages(messages)}>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            {t("skipToContent")}
          </a>
          <SiteHeader
            user={user}
            offlineAccount={offlineAccount}
            // Loud on purpose: with the local provider anyone can "pay" without money moving
            // (a demo or staging site, or development). Production needs UNSAFE_TEST_PAYMENTS for it.
            testMode={testPayments ? { short: t("testModeShort"), full: t("testMode") } : null}
          />
          {user && !isEmailVerified(user) ? <VerifyEmailBanner email={user.email} action={resendVerificationAction} /> : null}
          <OfflineAccount account={offlineAccount} />
          <main id="main" className="mx-auto w-full max-w-5xl px-4 pb-16 pt-4">
            {children}
          </main>
          <footer className="border-t border-stone-200 py-6 text-center text-sm text-stone-600">
            {t("footerTagline")} ·{" "}
            <Link href="/developers" className="underline">{t("footerDevelopers")}</Link> ·{" "}
            <Link href="/openactive" className="underline">{t("footerOpenData")}</Link>
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
