import { defineRouting } from "next-intl/routing";
import { DEFAULT_LOCALE, LOCALES } from "./locales";

/**
 * English keeps the unprefixed URLs it always had (`/events/x`); the others live under
 * their prefix (`/pt/events/x`). A first visit without a prefix is sent to the language
 * its Accept-Language asks for; the choice (a prefixed URL visited) is kept a year in the
 * NEXT_LOCALE cookie, so coming back to `/` returns to it.
 */
export const routing = defineRouting({
  locales: LOCALES,
  defaultLocale: DEFAULT_LOCALE,
  localePrefix: "as-needed",
  localeCookie: { maxAge: 60 * 60 * 24 * 365, sameSite: "lax" },
  // The pages write their own hreflang alternates and canonical (lib/i18n/alternates.ts).
  alternateLinks: false,
});
