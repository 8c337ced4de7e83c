import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/i18n/locales";

// A host's page as its owners and managers edit it (docs/decisions/0022): name, story, city,
// and name and story in the storefront's other languages (blank: the host's own words).
// The slug stays: the page's address and the feeds' links do not move under their readers.

export const STORY_MAX = 5000;
const text = (max: number, label: string) => z.string({ error: `${label}: text only` }).trim().max(max, `${label}: at most ${max} characters`);
const translation = z.object({ name: text(120, "The name").optional(), story: text(STORY_MAX, "The story").optional() }).optional();

/** The languages a host's page is translated into from the admin's form. */
export const TRANSLATED_LOCALES = LOCALES.filter((locale) => locale !== "en") as Exclude<Locale, "en">[];

export const ZHostProfile = z.object({
  name: text(120, "The name").min(1, "Enter the host's name"),
  story: text(STORY_MAX, "The story"),
  city: text(80, "The city"),
  translations: z.object(Object.fromEntries(TRANSLATED_LOCALES.map((locale) => [locale, translation])) as Record<Exclude<Locale, "en">, typeof translation>).default({}),
});

export type HostProfileInput = z.infer<typeof ZHostProfile>;
