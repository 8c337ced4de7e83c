// Translations outside a page request: emails and PDF tickets are written in the order's
// language by the queue worker, where no request (and no next-intl middleware) exists.
import { createTranslator, type Messages, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import ca from "@/messages/ca.json";
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import pt from "@/messages/pt.json";
import type { Locale } from "./locales";

const MESSAGES: Record<Locale, Messages> = { en, pt, es, ca, de };

/** `t` of one namespace in `locale`, like getTranslations but for work done away from a request. */
export function translatorFor<Namespace extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: Locale, namespace: Namespace) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}
