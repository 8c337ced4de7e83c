// The language an API client asks for with Accept-Language (RFC 9110 §12.5.4): the
// storefront language with the highest weight, matching on the primary tag ("pt-BR" reads
// Portuguese, "ca-ES" Catalan). Null when none of ours is asked for: text fields then come in
// each event's own language, as they always did.
import { LOCALES, type Locale } from "./locales";

export function localeFromAcceptLanguage(header: string | null | undefined): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().split(";");
      const q = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { language: tag.trim().toLowerCase().split("-")[0], weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((entry) => entry.weight > 0 && entry.language !== "")
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const entry of ranked) {
    if ((LOCALES as readonly string[]).includes(entry.language)) return entry.language as Locale;
  }
  return null;
}

/** The `Content-Language` an answer carries when a language was asked for and honoured. */
export function contentLanguageHeaders(locale: Locale | null): HeadersInit {
  return locale ? { "content-language": locale, vary: "Accept-Language" } : { vary: "Accept-Language" };
}
