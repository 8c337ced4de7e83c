import { useTranslations } from "next-intl";
import NextLink from "next/link";
import { canAdminister, type HostMembership, type Role } from "@/lib/auth/policy";
import { Link } from "@/lib/i18n/navigation";
import { LanguageSwitcher } from "./language-switcher";
import { SignOutButton } from "./sign-out-button";

/**
 * `offlineAccount`: the signed-in account's offline key (lib/auth/offline-account.ts).
 * `testMode`: the banner's words when payments are simulated (short for phones), else null.
 */
type Props = { user: { name: string; role: Role; memberships?: readonly HostMembership[] } | null; offlineAccount: string | null; testMode: { short: string; full: string } | null };

const item = "inline-flex min-h-11 shrink-0 items-center rounded-lg px-2.5 text-sm font-medium whitespace-nowrap hover:bg-stone-100";

/**
 * One row at 360 px whoever is signed in, in every language: on a phone the brand shrinks to
 * its mark and Search, My tickets and Sign out to their icons (their names stay for screen
 * readers), beside the language switcher, so nothing wraps or scrolls sideways. The brand's
 * name is a size smaller on a phone, so German's "Anmelden" fits beside it signed out.
 * The test-mode banner is part of the header (inside the banner landmark, so every word of the
 * page is in a landmark), one line at 360 px in every language: a short sentence on phones.
 */
export function SiteHeader({ user, offlineAccount, testMode }: Props) {
  const t = useTranslations("header");
  return (
    <header className="sticky top-0 z-40 border-b border-stone-200 bg-white/95 backdrop-blur">
      {testMode ? (
        <p role="note" data-testid="test-mode" className="bg-amber-300 px-3 py-1 text-center text-xs font-semibold whitespace-nowrap text-stone-950 sm:py-1.5 sm:text-sm sm:whitespace-normal">
          <span className="sm:hidden">{testMode.short}</span>
          <span className="hidden sm:inline">{testMode.full}</span>
        </p>
      ) : null}
      <nav aria-label={t("mainNav")} className="mx-auto flex max-w-5xl items-center gap-1 px-3 py-1.5 sm:px-4">
        <Link href="/" className="mr-auto flex min-h-11 shrink-0 items-center gap-2 rounded text-base font-bold tracking-tight text-brand-700 sm:text-lg">
          <span aria-hidden="true" className="grid size-8 place-items-center rounded-lg bg-brand-600 text-sm text-white">LT</span>
          <span className={user ? "sr-only sm:not-sr-only" : undefined}>{t("brand")}</span>
        </Link>
        <Link href="/search" className={item}>
          <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" className="size-5 sm:hidden">
            <circle cx="8.5" cy="8.5" r="5.5" />
            <path d="m13 13 4.5 4.5" strokeLinecap="round" />
          </svg>
          <span className="sr-only sm:not-sr-only">{t("search")}</span>
        </Link>
        {user ? (
          <>
            {/* The dashboard is English and outside the locales: never prefixed. */}
            {canAdminister(user) ? <NextLink href="/admin" className={item}>{t("admin")}</NextLink> : null}
            <Link href="/account" className={item}>
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" className="size-5 sm:hidden">
                <path d="M3 6.5h14v2.2a1.8 1.8 0 0 0 0 3.6v2.2H3v-2.2a1.8 1.8 0 0 0 0-3.6Z" strokeLinejoin="round" />
                <path d="M12 6.5v8" strokeDasharray="1.5 1.5" />
              </svg>
              <span className="sr-only sm:not-sr-only">{t("myTickets")}</span>
            </Link>
            <SignOutButton account={offlineAccount} className={`${item} text-stone-600`}>
              <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.8" className="size-5 sm:hidden">
                <path d="M8 4H4.5v12H8M12.5 6.5 16 10l-3.5 3.5M16 10H8" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              <span className="sr-only sm:not-sr-only">{t("signOut")}</span>
            </SignOutButton>
          </>
        ) : null}
        <LanguageSwitcher />
        {user ? null : (
          <Link href="/sign-in" className="inline-flex min-h-11 shrink-0 items-center rounded-lg bg-brand-600 px-3 text-sm font-semibold text-white hover:bg-brand-700">{t("signIn")}</Link>
        )}
      </nav>
    </header>
  );
}
