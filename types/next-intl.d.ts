import type { Locale } from "@/lib/i18n/locales";
import type messages from "@/messages/en.json";

// Typed keys: a t("...") call whose key is not in messages/en.json fails the typecheck.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
