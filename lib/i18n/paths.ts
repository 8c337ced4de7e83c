import { DEFAULT_LOCALE, type Locale } from "./locales";

/**
 * `path` as a reader of `locale` reaches it: English unprefixed, the others under their
 * prefix. For plain <a> and GET form actions, which next-intl's Link does not cover.
 */
export function localePath(locale: Locale, path: string): string {
  if (locale === DEFAULT_LOCALE) return path;
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}

/**
 * The path a switcher links to for `locale`: always prefixed, `/en/...` too. Visiting a
 * prefixed URL is what stores the choice in the NEXT_LOCALE cookie (the proxy then sends an
 * `/en/...` visit on to the unprefixed URL), so the choice works without JavaScript.
 */
export function switchPath(locale: Locale, path: string): string {
  return path === "/" ? `/${locale}` : `/${locale}${path}`;
}
