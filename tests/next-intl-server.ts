// next-intl/server for tests that run server actions and lib/ outside a Next request: the
// same messages and ICU formatting, the locale taken from `setTestLocale` (English unless set).
import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";
import ca from "@/messages/ca.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import pt from "@/messages/pt.json";

const MESSAGES = { en, pt, es, ca, de } as const;
let current: Locale = DEFAULT_LOCALE;

export function setTestLocale(locale: Locale) {
  current = locale;
}

export async function getLocale(): Promise<Locale> {
  return current;
}

export async function getMessages(options?: { locale?: Locale }) {
  return MESSAGES[options?.locale ?? current];
}

export async function getTranslations(options?: string | { locale?: Locale; namespace?: string }) {
  const { locale = current, namespace } = typeof options === "string" ? { namespace: options } : options ?? {};
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the namespace is checked where the real getTranslations is typed
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: namespace as any });
}

export function setRequestLocale(locale: Locale) {
  current = locale;
}
